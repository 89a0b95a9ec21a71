// Companies. Kustomer has no DELETE for them: PUT { deleted: true } hides one from lists.
import { type HandlerTable, objectBody, param } from "../context.ts";
import { createRecord, requireRecord, updateRecord, visible } from "../records.ts";
import { COMPANIES, single } from "../resources.ts";
import { listReply } from "./lists.ts";

export const companyHandlers: HandlerTable = {
  CreateCompany: (context) => ({
    body: single(COMPANIES, createRecord(context.store, COMPANIES, objectBody(context))),
  }),

  GetCompanyById: (context) => ({
    body: single(COMPANIES, requireRecord(context.store, COMPANIES, param(context, "id"))),
  }),

  GetCompanies: (context) => {
    const externalId = context.query.get("externalId");
    // Kustomer ignores both externalId and filter when a request sends the two together.
    const filterByExternalId = externalId !== null && !context.query.has("filter");
    const companies = visible(context.store.list(COMPANIES.collection)).filter(
      (doc) => !filterByExternalId || doc.attributes.externalId === externalId,
    );
    return listReply(context, COMPANIES, companies);
  },

  UpdateCompanyAttributes: (context) => {
    const doc = requireRecord(context.store, COMPANIES, param(context, "id"));
    return {
      body: single(COMPANIES, updateRecord(context.store, COMPANIES, doc, objectBody(context))),
    };
  },
};

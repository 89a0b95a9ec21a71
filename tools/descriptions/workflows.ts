// What each script in scripts/workflows/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  DeleteWorkflowVariable: `Deletes one workflow variable by id. Steps of workflows that read the
variable get no value afterwards. Returns nothing on success.`,

  GetWorkflowVariable: `Fetches one workflow variable by id (its name and value).`,

  UpdateWorkflowVariable: `Changes one workflow variable by id and returns it. The body's fields
are not documented in the sources we have, so body is a free-form JSON object sent as is.`,

  GetWorkflows: `Lists the org's workflows (name, trigger, steps, whether enabled, the last error),
one page at a time.`,

  CreateWorkflow: `Creates a workflow from its definition (name, trigger, steps) and returns it.
The sources we have do not document the body's fields, so body is a free-form JSON object sent as
is (export an existing workflow with Get Workflow to see the shape). A POST is not repeated after a
failure that may have reached Kustomer.`,

  GetWorkflowById: `Fetches one workflow by id with its full definition: trigger, steps, whether it
is enabled and its last error.`,

  UpdateWorkflowById: `Changes one workflow by id (enable or disable it, edit its steps) and returns
it. The body's fields are not documented in the sources we have, so body is a free-form JSON object
sent as is; read the workflow first and send the parts that change.`,

  GetWorkflowProcesses: `Lists the processes (runs that failed, with their errors) of one
workflow, by workflow id, one page at a time: the place to look when a workflow misbehaves.`,

  GetWorkflowVariables: `Lists the variables of one workflow (by workflow id), with their values.`,

  CreateWorkflowVariable: `Creates a variable for one workflow (by workflow id) and returns it. The
body's fields are not documented in the sources we have, so body is a free-form JSON object sent as
is. A POST is not repeated after a failure that may have reached Kustomer.`,
};

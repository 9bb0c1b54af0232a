provider "aws" {
  region = var.region
}

# The function, its role, log group, dead-letter queue and an empty secret for the Connect token.
# No trigger: invoke the alias directly (README: "Try it").
module "connect_deployer" {
  source = "../.."

  function_zip   = var.function_zip
  deploy_project = var.deploy_project
  deploy_flow_id = var.deploy_flow_id
}

variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "eu-west-1"
}

variable "function_zip" {
  description = "The zip `./mvnw package` writes, relative to this directory."
  type        = string
  default     = "../../../target/function.zip"
}

variable "deploy_project" {
  description = "Connect project the deployments go to (DEPLOY_PROJECT)."
  type        = string
}

variable "deploy_flow_id" {
  description = "Connect update flow to run (DEPLOY_FLOW_ID), e.g. f-dd0c-73b9."
  type        = string
}

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
  description = "Connect project every app's deployments go to (DEPLOY_PROJECT)."
  type        = string
}

variable "flow_ids" {
  description = "Each app's Connect update flow."
  type        = object({ gateway = string, sensor = string, edge = string })
}

variable "dry_run" {
  description = "DEPLOY_DRY_RUN: every route's deployments only return the payload they would send, naming the route; apply with false once the table is right."
  type        = bool
  default     = true
}

variable "github_org" {
  description = "The GitHub organisation whose webhook calls the function; its repositories gateway-firmware, sensor-firmware and edge-agent are routed."
  type        = string
  default     = "octo-org"
}

variable "snap_start" {
  description = "SnapStart in jvm mode. Only the offline test turns it off: moto_server reports every function without SnapStart, so a plan after apply would never be empty."
  type        = bool
  default     = true
}

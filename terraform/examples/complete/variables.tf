variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "eu-west-1"
}

variable "function_zip" {
  description = "The zip the Maven build writes, relative to this directory: `./mvnw package` (jvm) or `./mvnw package -Dnative` (native)."
  type        = string
  default     = "../../../target/function.zip"
}

variable "runtime_mode" {
  description = "jvm or native; must match how function_zip was built."
  type        = string
  default     = "jvm"
}

variable "deploy_project" {
  description = "Connect project the deployments go to (DEPLOY_PROJECT)."
  type        = string
  default     = "Demo"
}

variable "deploy_flow_id" {
  description = "Connect update flow to run (DEPLOY_FLOW_ID)."
  type        = string
  default     = "f-dd0c-73b9"
}

variable "reserved_concurrent_executions" {
  description = "Caps concurrent deployments; needs an account concurrency quota of at least 10 plus this (new accounts have 10 in all: set -1 there)."
  type        = number
  default     = 2
}

variable "allow_public_function_url_without_reserved_concurrency" {
  description = "With reserved_concurrent_executions = -1 (accounts with the default quota of 10) the public Function URL needs this set to true."
  type        = bool
  default     = false
}

variable "snap_start" {
  description = "SnapStart in jvm mode. Only the offline test turns it off: moto_server reports every function without SnapStart, so a plan after apply would never be empty."
  type        = bool
  default     = true
}

variable "releases_bucket_to_eventbridge" {
  description = "Turn on the releases bucket's EventBridge notifications. Only the offline test turns it off: moto_server accepts the setting but does not report it back."
  type        = bool
  default     = true
}

################################################################################
# Function
################################################################################

variable "function_name" {
  description = "Name of the Lambda function; also names its role, log group, queue, secret and table."
  type        = string
  default     = "connect-deployer"

  validation {
    # 54, not Lambda's 64: the scheduler role appends "-scheduler" and IAM role names stop at 64.
    condition     = can(regex("^[A-Za-z0-9_-]{1,54}$", var.function_name))
    error_message = "function_name: 1 to 54 letters, digits, '-' or '_'."
  }
}

variable "function_zip" {
  description = "Path of the function.zip the Maven build writes: `./mvnw package` (jvm) or `./mvnw package -Dnative` (native), in target/. Direct upload, up to 50 MB; give function_s3 instead for larger zips. A missing file fails only a plan that creates or updates the function, so `terraform destroy` works without it."
  type        = string
  default     = null

  validation {
    condition     = var.function_zip == null || endswith(coalesce(var.function_zip, ".zip"), ".zip")
    error_message = "function_zip: the path of a .zip file, e.g. ../target/function.zip."
  }
}

variable "function_s3" {
  description = "The zip as an existing S3 object instead of function_zip (which must then be null): `bucket` (in the function's region), `key`, optional `version` (the object version; with a versioned bucket a new version updates the function) and optional `source_code_hash` (base64 SHA-256 of the zip, e.g. `openssl dgst -sha256 -binary function.zip | base64`: a new hash publishes a new version)."
  type = object({
    bucket           = string
    key              = string
    version          = optional(string)
    source_code_hash = optional(string)
  })
  default = null

  validation {
    condition     = var.function_s3 == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.function_s3.bucket))
    error_message = "function_s3: bucket is a bucket name (not an ARN or s3:// URL)."
  }

  validation {
    condition     = var.function_s3 == null || try(length(var.function_s3.key) > 0 && endswith(var.function_s3.key, ".zip"), false)
    error_message = "function_s3: key is the object key of a .zip."
  }
}

variable "runtime_mode" {
  description = "`jvm` (runtime java21 with SnapStart, the zip of `./mvnw package`), `native` (runtime provided.al2023, handler bootstrap, the zip of `./mvnw package -Dnative`) or `aot` (runtime provided.al2023, handler bootstrap, no SnapStart, the zip of `./mvnw package -Daot`: a bundled x86_64 JDK 25 with an AOT cache, about 66 MB, so give it as function_s3)."
  type        = string
  default     = "jvm"

  validation {
    condition     = contains(["jvm", "native", "aot"], var.runtime_mode)
    error_message = "runtime_mode: jvm, native or aot."
  }
}

variable "architecture" {
  description = "Instruction set: x86_64 or arm64. A native zip must be built for the same one."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture: x86_64 or arm64."
  }
}

variable "memory_size" {
  description = "Memory in MB (128 to 10240); CPU grows with it."
  type        = number
  default     = 512

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240 && floor(var.memory_size) == var.memory_size
    error_message = "memory_size: a whole number of MB from 128 to 10240."
  }
}

variable "timeout" {
  description = "Function timeout in seconds (10 to 900). CONNECT_TIME_BUDGET is set to this minus 5 seconds, which must hold one Connect attempt (connect_connect_timeout + connect_read_timeout; with the defaults: timeout >= 18)."
  type        = number
  default     = 30

  validation {
    condition     = var.timeout >= 10 && var.timeout <= 900 && floor(var.timeout) == var.timeout
    error_message = "timeout: whole seconds from 10 to 900."
  }
}

variable "reserved_concurrent_executions" {
  description = "Concurrent executions reserved for (and capping) the function, so a burst of events cannot exceed Connect's rate limit; -1 for no reservation. A new account's quota of 10 leaves no room to reserve any."
  type        = number
  default     = -1

  validation {
    condition     = var.reserved_concurrent_executions == -1 || (var.reserved_concurrent_executions >= 1 && floor(var.reserved_concurrent_executions) == var.reserved_concurrent_executions)
    error_message = "reserved_concurrent_executions: -1 (no reservation) or a whole number from 1; 0 would stop every invocation."
  }
}

variable "snap_start" {
  description = "jvm mode: SnapStart on published versions (the alias `live` points at the latest). Ignored in native mode."
  type        = bool
  default     = true
}

variable "tracing_mode" {
  description = "X-Ray tracing: PassThrough or Active. Active adds the X-Ray write actions, which take no resource but `*`."
  type        = string
  default     = "PassThrough"

  validation {
    condition     = contains(["PassThrough", "Active"], var.tracing_mode)
    error_message = "tracing_mode: PassThrough or Active."
  }
}

variable "log_retention_in_days" {
  description = "Retention of the function's log group, in days (a value CloudWatch Logs accepts; 0 keeps logs forever)."
  type        = number
  default     = 30

  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days: one of 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key: encrypts the created Connect token secret, the function's environment, the log group (with create_log_group), the dedupe table and the schedules; the function's role (and the Scheduler's, with schedules) gets kms:Decrypt on it (and on nothing else). Its key policy must let CloudWatch Logs (logs.<region>.amazonaws.com) use it. Also set it when a given secret is encrypted with it. Null: AWS managed keys, no KMS statement."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn: a key ARN (arn:aws:kms:<region>:<account>:key/<id>), not an alias."
  }
}

variable "create_log_group" {
  description = "Create the log group /aws/lambda/<function_name> with log_retention_in_days (and kms_key_arn). False where it exists already (created before, or by Lambda): the module then only names it, and its retention and key stay as they are."
  type        = bool
  default     = true
}

variable "role_path" {
  description = "IAM path of the roles the module creates (the function's and the Scheduler's), e.g. /service-roles/."
  type        = string
  default     = "/"

  validation {
    condition     = can(regex("^/([\\x21-\\x7E]{0,510}/)?$", var.role_path))
    error_message = "role_path: / or a path that starts and ends with /, e.g. /service-roles/."
  }
}

variable "permissions_boundary" {
  description = "ARN of a managed policy set as the permissions boundary of every role the module creates (for organisations whose SCPs require one). Null: no boundary."
  type        = string
  default     = null

  validation {
    condition     = var.permissions_boundary == null || can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$", var.permissions_boundary))
    error_message = "permissions_boundary: an IAM policy ARN (arn:aws:iam::<account>:policy/<name>)."
  }
}

variable "code_signing_config_arn" {
  description = "ARN of a Lambda code signing configuration; the zip must then be signed (AWS Signer) and come from S3 (function_s3), as Lambda accepts signed code only there. Null: no code signing."
  type        = string
  default     = null

  validation {
    condition     = var.code_signing_config_arn == null || can(regex("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:code-signing-config:csc-[a-z0-9]{17}$", var.code_signing_config_arn))
    error_message = "code_signing_config_arn: a code signing configuration ARN (arn:aws:lambda:<region>:<account>:code-signing-config:csc-...)."
  }
}

variable "extra_environment_variables" {
  description = "More environment variables (e.g. QUARKUS_LOG_LEVEL); the module's own variables win on a clash."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags for every resource that takes tags."
  type        = map(string)
  default     = {}
}

################################################################################
# Connect: CONNECT_* environment variables
################################################################################

variable "connect_api_url" {
  description = "CONNECT_API_URL: base URL of the Connect API."
  type        = string
  default     = "https://api.connect.jfrog.io"

  validation {
    condition     = can(regex("^https?://[^/\\s]+", var.connect_api_url))
    error_message = "connect_api_url: an http(s) URL such as https://api.connect.jfrog.io."
  }
}

variable "connect_api_dialect" {
  description = "CONNECT_API_DIALECT: `deploy_update` (POST /v2/deploy_update, token in the body) or `deployments` (POST /api/v2/{project}/deployments, bearer token)."
  type        = string
  default     = "deploy_update"

  validation {
    condition     = contains(["deploy_update", "deployments"], var.connect_api_dialect)
    error_message = "connect_api_dialect: deploy_update or deployments."
  }
}

variable "create_connect_token_secret" {
  description = "Create the Secrets Manager secret for the Connect token, without a value (fill it with `aws secretsmanager put-secret-value`, so the token never sits in Terraform state). False: give connect_token_secret_arn."
  type        = bool
  default     = true
}

variable "connect_token_secret_name" {
  description = "Name of the created secret; null: \"<function_name>/token\"."
  type        = string
  default     = null
}

variable "connect_token_secret_arn" {
  description = "ARN of an existing secret holding the Connect token, used when create_connect_token_secret is false."
  type        = string
  default     = null

  validation {
    condition     = var.connect_token_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.connect_token_secret_arn))
    error_message = "connect_token_secret_arn: a secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>)."
  }
}

variable "connect_token_secret_recovery_window_in_days" {
  description = "Days a deleted created secret can still be restored (0 deletes it at once, 7 to 30 otherwise)."
  type        = number
  default     = 7

  validation {
    condition     = var.connect_token_secret_recovery_window_in_days == 0 || (var.connect_token_secret_recovery_window_in_days >= 7 && var.connect_token_secret_recovery_window_in_days <= 30)
    error_message = "connect_token_secret_recovery_window_in_days: 0, or 7 to 30."
  }
}

variable "connect_token_secret_key" {
  description = "CONNECT_TOKEN_SECRET_KEY: key of the token when the secret string is a JSON object (else the whole string is the token)."
  type        = string
  default     = "user_token"

  validation {
    condition     = length(var.connect_token_secret_key) > 0
    error_message = "connect_token_secret_key: must not be empty."
  }
}

variable "connect_token_ttl" {
  description = "CONNECT_TOKEN_TTL: how long a token (and the webhook/bearer secrets) read from Secrets Manager is reused."
  type        = string
  default     = "5m"

  validation {
    condition     = can(regex("^[0-9]+(ms|s|m|h|d)$", var.connect_token_ttl))
    error_message = "connect_token_ttl: a duration such as 500ms, 10s, 5m, 1h."
  }
}

variable "connect_max_attempts" {
  description = "CONNECT_MAX_ATTEMPTS: attempts per deployment, the first included."
  type        = number
  default     = 5

  validation {
    condition     = var.connect_max_attempts >= 1 && floor(var.connect_max_attempts) == var.connect_max_attempts
    error_message = "connect_max_attempts: a whole number, at least 1."
  }
}

variable "connect_connect_timeout" {
  description = "CONNECT_CONNECT_TIMEOUT: TCP connect timeout per attempt (also for Secrets Manager)."
  type        = string
  default     = "3s"

  validation {
    condition     = can(regex("^[0-9]*[1-9][0-9]*(ms|s|m|h|d)$", var.connect_connect_timeout))
    error_message = "connect_connect_timeout: a positive duration such as 3s or 500ms."
  }
}

variable "connect_read_timeout" {
  description = "CONNECT_READ_TIMEOUT: wait for an answer per attempt (also for Secrets Manager)."
  type        = string
  default     = "10s"

  validation {
    condition     = can(regex("^[0-9]*[1-9][0-9]*(ms|s|m|h|d)$", var.connect_read_timeout))
    error_message = "connect_read_timeout: a positive duration such as 10s."
  }
}

variable "connect_retry_base_delay" {
  description = "CONNECT_RETRY_BASE_DELAY: first backoff ceiling, doubled per attempt (full jitter)."
  type        = string
  default     = "500ms"

  validation {
    condition     = can(regex("^[0-9]+(ms|s|m|h|d)$", var.connect_retry_base_delay))
    error_message = "connect_retry_base_delay: a duration such as 500ms or 1s."
  }
}

variable "connect_retry_max_delay" {
  description = "CONNECT_RETRY_MAX_DELAY: largest backoff ceiling."
  type        = string
  default     = "8s"

  validation {
    condition     = can(regex("^[0-9]+(ms|s|m|h|d)$", var.connect_retry_max_delay))
    error_message = "connect_retry_max_delay: a duration such as 8s."
  }
}

variable "connect_settle_time" {
  description = "CONNECT_SETTLE_TIME: with connect_api_dialect = deployments, the wait after a request Connect got but never answered before its marker is looked up in Connect's list of deployments."
  type        = string
  default     = "2s"

  validation {
    condition     = can(regex("^[0-9]+(ms|s|m)$", var.connect_settle_time))
    error_message = "connect_settle_time: a duration such as 2s or 500ms."
  }
}

################################################################################
# Deploy defaults: DEPLOY_* environment variables (an event's own fields win)
################################################################################

variable "deploy_project" {
  description = "DEPLOY_PROJECT: default Connect project name."
  type        = string
  default     = null
}

variable "deploy_flow_id" {
  description = "DEPLOY_FLOW_ID: default update flow id (e.g. f-dd0c-73b9)."
  type        = string
  default     = null
}

variable "deploy_app_name" {
  description = "DEPLOY_APP_NAME: default app name (GitHub releases fall back to the repository name, S3 keys to the key pattern's `app`)."
  type        = string
  default     = null
}

variable "deploy_app_version" {
  description = "DEPLOY_APP_VERSION: default app version."
  type        = string
  default     = null
}

variable "deploy_groups" {
  description = "DEPLOY_GROUPS: default device groups (an event's groups replace them)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for group in var.deploy_groups : length(group) > 0 && !strcontains(group, ",")])
    error_message = "deploy_groups: group names must be non-empty and hold no comma (the variable is comma-separated)."
  }
}

variable "deploy_filters" {
  description = "DEPLOY_FILTERS: device filters that always apply (an event's filters are added after them). `app_version` only with type app; `deployment_id` required with type deployment."
  type = list(object({
    type          = string
    operand       = string
    value         = string
    app_version   = optional(string)
    deployment_id = optional(string)
  }))
  default = []

  validation {
    condition     = alltrue([for f in var.deploy_filters : contains(["specific_device", "tag", "app", "device_state", "deployment"], f.type)])
    error_message = "deploy_filters: type is one of specific_device, tag, app, device_state, deployment."
  }

  validation {
    condition     = alltrue([for f in var.deploy_filters : contains(f.type == "device_state" ? ["is"] : ["is", "is_not"], f.operand)])
    error_message = "deploy_filters: operand is `is` or `is_not` (device_state: only `is`)."
  }

  validation {
    condition     = alltrue([for f in var.deploy_filters : (f.type == "deployment") == (f.deployment_id != null) && (f.app_version == null || f.type == "app")])
    error_message = "deploy_filters: deployment_id is required with type deployment and only allowed there; app_version only with type app."
  }
}

variable "deploy_parameters" {
  description = "DEPLOY_PARAMETERS: default update parameters. Values may hold placeholders filled per event, written with a doubled dollar in HCL, `$${bucket}`, since Terraform interpolates a single one itself."
  type        = map(string)
  default     = {}
}

variable "deploy_comment" {
  description = "DEPLOY_COMMENT: default deployment comment; replaces each trigger's own comment; may hold placeholders (`$${version}` in HCL)."
  type        = string
  default     = null
}

variable "deploy_dry_run" {
  description = "DEPLOY_DRY_RUN: build and return payloads, never call Connect (events cannot switch it off)."
  type        = bool
  default     = false
}

variable "deploy_s3_key_pattern" {
  description = "DEPLOY_S3_KEY_PATTERN: Java regex matched against the whole S3 key, with optional named groups `app` and `version`. Null: the function's default, `<app>/<version>/<file>` under any prefix."
  type        = string
  default     = null
}

variable "deploy_github_prereleases" {
  description = "DEPLOY_GITHUB_PRERELEASES: deploy GitHub prereleases too."
  type        = bool
  default     = false
}

variable "github_webhook_secret_arn" {
  description = "GITHUB_WEBHOOK_SECRET_ID: ARN of the secret GitHub signs webhook deliveries with (the string, or a JSON object's `secret`). Null: webhooks get 401."
  type        = string
  default     = null

  validation {
    condition     = var.github_webhook_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.github_webhook_secret_arn))
    error_message = "github_webhook_secret_arn: a secret ARN."
  }
}

variable "github_max_age" {
  description = "DEPLOY_GITHUB_MAX_AGE: a GitHub release published longer ago than this is refused (replay protection), e.g. 72h, 30m or PT72H. With create_dedupe_table, dedupe_ttl must be at least this long."
  type        = string
  default     = "72h"

  validation {
    condition = can(regex("^[0-9]*[1-9][0-9]*(ms|s|m|h|d)$", var.github_max_age)) || (
      !endswith(var.github_max_age, "T") &&
      try(anytrue([for part in regex("^P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\\.[0-9]+)?)S)?)?$", var.github_max_age) : try(tonumber(part) > 0, false)]), false)
    )
    error_message = "github_max_age: a positive duration such as 72h, 30m, 3d, or ISO-8601 such as PT72H or P3D."
  }
}

variable "http_bearer_secret_arn" {
  description = "HTTP_BEARER_SECRET_ID: ARN of the secret holding the bearer token Function URL callers send. Null: only IAM-signed calls pass."
  type        = string
  default     = null

  validation {
    condition     = var.http_bearer_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.http_bearer_secret_arn))
    error_message = "http_bearer_secret_arn: a secret ARN."
  }
}

################################################################################
# Failed events: async invocation config and dead-letter queue
################################################################################

variable "maximum_retry_attempts" {
  description = "Lambda's retries of a failed asynchronous invocation (S3, EventBridge, Scheduler), 0 to 2, before the event goes to the dead-letter queue."
  type        = number
  default     = 2

  validation {
    condition     = contains([0, 1, 2], var.maximum_retry_attempts)
    error_message = "maximum_retry_attempts: 0, 1 or 2."
  }
}

variable "maximum_event_age_in_seconds" {
  description = "How long Lambda keeps an asynchronous event it could not process (60 to 21600) before it goes to the dead-letter queue."
  type        = number
  default     = 21600

  validation {
    condition     = var.maximum_event_age_in_seconds >= 60 && var.maximum_event_age_in_seconds <= 21600
    error_message = "maximum_event_age_in_seconds: 60 to 21600."
  }
}

variable "dead_letter_message_retention_seconds" {
  description = "How long the dead-letter queue keeps a failed event (60 to 1209600, 14 days)."
  type        = number
  default     = 1209600

  validation {
    condition     = var.dead_letter_message_retention_seconds >= 60 && var.dead_letter_message_retention_seconds <= 1209600
    error_message = "dead_letter_message_retention_seconds: 60 to 1209600."
  }
}

################################################################################
# Triggers
################################################################################

variable "s3_triggers" {
  description = "S3 event notifications, one entry per bucket (the aws_s3_bucket_notification owns that bucket's whole notification configuration). `filters`: prefix/suffix pairs, one notification each; empty: every key."
  type = map(object({
    bucket  = string
    events  = optional(list(string), ["s3:ObjectCreated:*"])
    filters = optional(list(object({ prefix = optional(string), suffix = optional(string) })), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for t in values(var.s3_triggers) : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", t.bucket))])
    error_message = "s3_triggers: bucket is a bucket name (not an ARN)."
  }

  validation {
    condition     = length(distinct([for t in values(var.s3_triggers) : t.bucket])) == length(var.s3_triggers)
    error_message = "s3_triggers: one entry per bucket; list several prefix/suffix pairs in its filters."
  }

  validation {
    condition     = alltrue([for name in keys(var.s3_triggers) : can(regex("^[0-9A-Za-z_.-]{1,40}$", name))])
    error_message = "s3_triggers: keys are 1 to 40 letters, digits, '.', '-' or '_' (they name the permission's statement id and the notifications)."
  }

  validation {
    condition     = alltrue([for t in values(var.s3_triggers) : alltrue([for e in t.events : startswith(e, "s3:")])])
    error_message = "s3_triggers: events are S3 event types such as s3:ObjectCreated:*."
  }
}

variable "schedules" {
  description = "EventBridge Scheduler schedules. `input` is a deploy event (every field optional; DEPLOY_* fill the rest). `schedule_expression`: cron(min hour day month weekday year), rate(n unit) or at(yyyy-mm-ddThh:mm:ss)."
  type = map(object({
    schedule_expression          = string
    timezone                     = optional(string, "UTC")
    description                  = optional(string)
    enabled                      = optional(bool, true)
    maximum_retry_attempts       = optional(number, 3)
    maximum_event_age_in_seconds = optional(number, 3600)
    input = optional(object({
      project = optional(string)
      groups  = optional(list(string))
      filters = optional(list(object({
        type          = string
        operand       = string
        value         = string
        app_version   = optional(string)
        deployment_id = optional(string)
      })))
      flow_id    = optional(string)
      app        = optional(object({ name = optional(string), version = optional(string) }))
      parameters = optional(map(string))
      comment    = optional(string)
      dry_run    = optional(bool)
    }))
  }))
  default = {}

  validation {
    condition = alltrue([for s in values(var.schedules) : can(regex(
      "^(cron\\(\\S+( \\S+){5}\\)|rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\)|at\\([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\))$",
      s.schedule_expression
    ))])
    error_message = "schedules: schedule_expression is cron(<6 fields>), rate(<n> <minute(s)|hour(s)|day(s)>) or at(yyyy-mm-ddThh:mm:ss)."
  }

  validation {
    condition     = alltrue([for s in values(var.schedules) : s.maximum_retry_attempts >= 0 && s.maximum_retry_attempts <= 185 && s.maximum_event_age_in_seconds >= 60 && s.maximum_event_age_in_seconds <= 86400])
    error_message = "schedules: maximum_retry_attempts 0 to 185, maximum_event_age_in_seconds 60 to 86400."
  }

  validation {
    condition     = alltrue([for name in keys(var.schedules) : can(regex("^[0-9A-Za-z_.-]{1,40}$", name))])
    error_message = "schedules: keys are 1 to 40 letters, digits, '.', '-' or '_' (they name the schedule after the function)."
  }
}

variable "eventbridge_rules" {
  description = "EventBridge rules, each with an `event_pattern` (JSON, e.g. jsonencode({source = [\"com.example.ci\"]})) or a `schedule_expression` (cron/rate, default bus only). `input`: a constant deploy event sent instead of the matched event; null passes the event itself."
  type = map(object({
    description                  = optional(string)
    event_bus_name               = optional(string, "default")
    event_pattern                = optional(string)
    schedule_expression          = optional(string)
    enabled                      = optional(bool, true)
    maximum_retry_attempts       = optional(number, 3)
    maximum_event_age_in_seconds = optional(number, 3600)
    input = optional(object({
      project = optional(string)
      groups  = optional(list(string))
      filters = optional(list(object({
        type          = string
        operand       = string
        value         = string
        app_version   = optional(string)
        deployment_id = optional(string)
      })))
      flow_id    = optional(string)
      app        = optional(object({ name = optional(string), version = optional(string) }))
      parameters = optional(map(string))
      comment    = optional(string)
      dry_run    = optional(bool)
    }))
  }))
  default = {}

  validation {
    condition     = alltrue([for r in values(var.eventbridge_rules) : (r.event_pattern == null) != (r.schedule_expression == null)])
    error_message = "eventbridge_rules: each rule has exactly one of event_pattern and schedule_expression."
  }

  validation {
    condition     = alltrue([for r in values(var.eventbridge_rules) : r.event_pattern == null || can(keys(jsondecode(r.event_pattern)))])
    error_message = "eventbridge_rules: event_pattern is a JSON object (use jsonencode)."
  }

  validation {
    condition = alltrue([for r in values(var.eventbridge_rules) : r.schedule_expression == null || can(regex(
      "^(cron\\(\\S+( \\S+){5}\\)|rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\))$",
      r.schedule_expression
    ))])
    error_message = "eventbridge_rules: schedule_expression is cron(<6 fields>) or rate(<n> <minute(s)|hour(s)|day(s)>)."
  }

  validation {
    condition     = alltrue([for r in values(var.eventbridge_rules) : r.maximum_retry_attempts >= 0 && r.maximum_retry_attempts <= 185 && r.maximum_event_age_in_seconds >= 60 && r.maximum_event_age_in_seconds <= 86400])
    error_message = "eventbridge_rules: maximum_retry_attempts 0 to 185, maximum_event_age_in_seconds 60 to 86400."
  }

  validation {
    condition     = alltrue([for name in keys(var.eventbridge_rules) : can(regex("^[0-9A-Za-z_.-]{1,40}$", name))])
    error_message = "eventbridge_rules: keys are 1 to 40 letters, digits, '.', '-' or '_' (they name the rule after the function)."
  }
}

variable "create_function_url" {
  description = "Create a Function URL on the alias `live` (synchronous: the caller gets the HTTP status; nothing goes to the dead-letter queue), except GitHub deliveries with github_webhook_secret_arn: handed off to an asynchronous invocation of the alias."
  type        = bool
  default     = false
}

variable "function_url_auth_type" {
  description = "`AWS_IAM`: SigV4-signed callers only. `NONE`: public URL, guarded inside the function by the GitHub signature (github_webhook_secret_arn) or bearer token (http_bearer_secret_arn)."
  type        = string
  default     = "AWS_IAM"

  validation {
    condition     = contains(["AWS_IAM", "NONE"], var.function_url_auth_type)
    error_message = "function_url_auth_type: AWS_IAM or NONE."
  }
}

variable "function_url_invoke_principals" {
  description = "AWS_IAM auth: principals (account ID or IAM role/user ARN) allowed to call the URL, by a name used in the statement IDs. Each gets lambda:InvokeFunctionUrl and lambda:InvokeFunction on the alias. Principals of this account may use identity policies instead."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for p in values(var.function_url_invoke_principals) : can(regex("^([0-9]{12}|arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+|user/.+))$", p))])
    error_message = "function_url_invoke_principals: values are account IDs or IAM role/user ARNs."
  }

  validation {
    condition     = alltrue([for name in keys(var.function_url_invoke_principals) : can(regex("^[0-9A-Za-z_.-]{1,60}$", name))])
    error_message = "function_url_invoke_principals: keys are letters, digits, '.', '-' or '_'."
  }
}

variable "function_url_public_invoke" {
  description = "NONE auth: who adds the public lambda:InvokeFunction statement limited to URL calls (lambda:InvokedViaFunctionUrl). `cli` (hashicorp/aws 5.x to 6.27): the module runs terraform/scripts/function-url-public-invoke.sh with the AWS CLI (October 2025 or later) during apply; idempotent, checks that its credentials are the provider's account. `provider` (hashicorp/aws >= 6.28): aws_lambda_function_url adds that statement itself when it creates the URL, so the module adds none (a second one would duplicate it). `none`: add it yourself."
  type        = string
  default     = "cli"

  validation {
    condition     = contains(["cli", "provider", "none"], var.function_url_public_invoke)
    error_message = "function_url_public_invoke: cli, provider or none."
  }
}

variable "function_url_cli_profile" {
  description = "function_url_public_invoke = cli: the AWS CLI profile to run it with, the same as the provider's `profile`. Null: the CLI's default credentials (environment, default profile, instance role)."
  type        = string
  default     = null
}

variable "function_url_cli_assume_role_arn" {
  description = "function_url_public_invoke = cli: a role the CLI assumes first (with function_url_cli_profile's or the default credentials), the same as the provider's `assume_role.role_arn`. Null: none."
  type        = string
  default     = null

  validation {
    condition     = var.function_url_cli_assume_role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.function_url_cli_assume_role_arn))
    error_message = "function_url_cli_assume_role_arn: an IAM role ARN."
  }
}

variable "allow_public_function_url_without_reserved_concurrency" {
  description = "With function_url_auth_type NONE the plan fails unless reserved_concurrent_executions >= 1, so unauthenticated callers cannot use the account's whole concurrency. True accepts a public URL without a reservation, for accounts whose concurrency quota cannot spare one (a new account's 10)."
  type        = bool
  default     = false
}

variable "function_url_cors" {
  description = "CORS for the Function URL; null (the default) leaves CORS off, which is right for GitHub and server-to-server callers."
  type = object({
    allow_origins     = list(string)
    allow_methods     = optional(list(string), ["POST"])
    allow_headers     = optional(list(string), ["authorization", "content-type"])
    expose_headers    = optional(list(string), [])
    allow_credentials = optional(bool, false)
    max_age           = optional(number, 0)
  })
  default = null
}

################################################################################
# Alarms
################################################################################

variable "create_alarms" {
  description = "Create CloudWatch alarms: function errors, messages in the dead-letter queue, DestinationDeliveryFailures (failed events that did not reach the queue: lost), AsyncEventsDropped and Throttles."
  type        = bool
  default     = false
}

variable "alarm_sns_topic_arn" {
  description = "SNS topic the alarms notify (on alarm and on recovery); null: alarms without actions."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_sns_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]+$", var.alarm_sns_topic_arn))
    error_message = "alarm_sns_topic_arn: an SNS topic ARN."
  }
}

variable "alarm_throttles_threshold" {
  description = "Throttled invocations within 5 minutes that raise the throttles alarm."
  type        = number
  default     = 1

  validation {
    condition     = var.alarm_throttles_threshold >= 1
    error_message = "alarm_throttles_threshold: at least 1."
  }
}

variable "alarm_errors_threshold" {
  description = "Function errors within 5 minutes that raise the errors alarm."
  type        = number
  default     = 1

  validation {
    condition     = var.alarm_errors_threshold >= 1
    error_message = "alarm_errors_threshold: at least 1."
  }
}

################################################################################
# Duplicate detection
################################################################################

variable "create_dedupe_table" {
  description = "Create a DynamoDB table (hash key `id`, TTL attribute `expires_at`) for duplicate detection and set DEDUPE_TABLE; the role gets PutItem and DeleteItem on that table only (all the claims call)."
  type        = bool
  default     = false
}

variable "dedupe_ttl" {
  description = "DEDUPE_TTL: how long an event id is remembered (with create_dedupe_table), and an uncertain claim kept; at least github_max_age, so a replayed GitHub delivery is still recognised, and at least every maximum event age, so no retry outlives an uncertain claim."
  type        = string
  default     = "72h"

  validation {
    condition     = can(regex("^[0-9]*[1-9][0-9]*(ms|s|m|h|d)$", var.dedupe_ttl))
    error_message = "dedupe_ttl: a positive duration such as 24h."
  }
}

variable "dedupe_fail_open" {
  description = "DEDUPE_FAIL_OPEN: deploy without the duplicate check when DynamoDB cannot be reached (risking a second rollout) instead of failing the invocation for a retry."
  type        = bool
  default     = false
}

################################################################################
# Routes: one function, many apps (DEPLOY_ROUTES_PATH, one SSM parameter per route)
################################################################################

variable "routes" {
  description = "Routes, keyed by name: the matching route with the lowest `priority` decides a deployment's project, flow, app, groups, filters, parameters and comment, merged over the deploy_* defaults (an event's own fields still win). `match`: every condition named must hold; text conditions are exact or globs (`*`, `?`); `source` is a list of s3, eventbridge, schedule, github, http, direct; `key_pattern` is a Java regex over the whole S3 key with optional groups `app` and `version`. Each route is one SSM parameter under routes_path, read by the function at start and every routes_ttl."
  type = map(object({
    priority = number
    match = optional(object({
      source             = optional(list(string))
      app                = optional(string)
      bucket             = optional(string)
      key_prefix         = optional(string)
      key_pattern        = optional(string)
      repository         = optional(string)
      eventbridge_source = optional(string)
      detail_type        = optional(string)
      schedule           = optional(string)
    }), {})
    project = optional(string)
    flow_id = optional(string)
    app     = optional(object({ name = optional(string), version = optional(string) }))
    groups  = optional(list(string))
    filters = optional(list(object({
      type          = string
      operand       = string
      value         = string
      app_version   = optional(string)
      deployment_id = optional(string)
    })))
    parameters = optional(map(string))
    comment    = optional(string)
    dry_run    = optional(bool)
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.routes) : can(regex("^[0-9A-Za-z_.-]{1,100}$", name))])
    error_message = "routes: keys are 1 to 100 letters, digits, '.', '-' or '_' (each names its SSM parameter and appears as `route` in results and logs)."
  }

  validation {
    condition     = length(distinct([for r in values(var.routes) : r.priority])) == length(var.routes) && alltrue([for r in values(var.routes) : floor(r.priority) == r.priority])
    error_message = "routes: every route needs its own whole-number priority, so which one decides is never a guess."
  }

  validation {
    condition = alltrue([for r in values(var.routes) : alltrue([for s in coalesce(r.match.source, ["s3"]) :
    contains(["s3", "eventbridge", "schedule", "github", "http", "direct"], s)]) && (r.match.source == null || length(coalesce(r.match.source, [])) > 0)])
    error_message = "routes: match.source lists s3, eventbridge, schedule, github, http or direct (an empty list would match nothing)."
  }

  validation {
    condition = alltrue(flatten([for r in values(var.routes) : [for f in coalesce(r.filters, []) :
    contains(["specific_device", "tag", "app", "device_state", "deployment"], f.type) && contains(f.type == "device_state" ? ["is"] : ["is", "is_not"], f.operand)]]))
    error_message = "routes: a filter's type is one of specific_device, tag, app, device_state, deployment; its operand `is` or `is_not` (device_state: only `is`)."
  }

  # No check of key_pattern here: it is a Java regex, which Terraform's RE2 would misjudge (lookarounds,
  # possessive quantifiers); the function refuses a bad one at start, naming the route.
  # The 4 KB a standard SSM parameter holds is checked on the value written (routes.tf), not on this input, whose
  # unset optional attributes would count as nulls.
}

variable "routes_path" {
  description = "SSM Parameter Store path the routes are written under (DEPLOY_ROUTES_PATH); the function may read exactly this path. Null: /<function_name>/routes."
  type        = string
  default     = null

  validation {
    condition     = var.routes_path == null || can(regex("^(/[0-9A-Za-z_.-]+)+$", coalesce(var.routes_path, "/x")))
    error_message = "routes_path: an SSM path such as /connect-deployer/routes: starts with '/', no trailing '/'."
  }
}

variable "routes_ttl" {
  description = "DEPLOY_ROUTES_TTL: how long the function uses the routes it read before reading them again (a changed route takes effect within it, without a redeploy). Null: the function's default, 5m."
  type        = string
  default     = null

  validation {
    # The function refuses a TTL that is not positive at start.
    condition     = var.routes_ttl == null || can(regex("^[0-9]*[1-9][0-9]*(ms|s|m|h|d)$", coalesce(var.routes_ttl, "1s")))
    error_message = "routes_ttl: a positive duration such as 30s or 5m."
  }
}

################################################################################
# Metrics, dashboard and the deployment failure-rate alarm
################################################################################

variable "metrics_namespace" {
  description = "METRICS_NAMESPACE: the CloudWatch namespace of the metrics the function writes with each deployment's log line (Embedded Metric Format); their Service dimension is the function's name. The dashboard and the failure-rate alarm read it."
  type        = string
  default     = "ConnectDeployer"

  validation {
    condition     = can(regex("^[0-9A-Za-z._/#: -]{1,255}$", var.metrics_namespace)) && !startswith(var.metrics_namespace, "AWS/") && trimspace(var.metrics_namespace) != ""
    error_message = "metrics_namespace: 1 to 255 letters, digits, spaces or . - _ / # :, not starting with AWS/ (as the function checks at startup)."
  }
}

variable "create_dashboard" {
  description = "Create a CloudWatch dashboard named after the function: deployments per hour by outcome and source, failures by error type, Connect latency p50/p99, attempts, throttles, async event age, dead-letter queue depth, the last failed deployments (terraform/README.md describes each widget)."
  type        = bool
  default     = false
}

variable "failure_rate_alarm" {
  description = "An alarm on the share of deployments that failed or ended uncertain, among those that reached a verdict (created, failed, uncertain), per period; below minimum_deployments in a period the rate counts as 0; no deployments at all is not breaching. Notifies alarm_sns_topic_arn."
  type = object({
    create              = optional(bool, false)
    threshold_percent   = optional(number, 20)
    period_seconds      = optional(number, 3600)
    evaluation_periods  = optional(number, 1)
    minimum_deployments = optional(number, 3)
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.failure_rate_alarm.threshold_percent >= 0 && var.failure_rate_alarm.threshold_percent < 100
    error_message = "failure_rate_alarm.threshold_percent: from 0 to below 100 (the alarm fires above it)."
  }

  validation {
    condition     = contains([60, 300, 900, 3600, 21600, 86400], var.failure_rate_alarm.period_seconds)
    error_message = "failure_rate_alarm.period_seconds: one of 60, 300, 900, 3600, 21600, 86400."
  }

  validation {
    condition     = var.failure_rate_alarm.evaluation_periods >= 1 && var.failure_rate_alarm.period_seconds * var.failure_rate_alarm.evaluation_periods <= 86400
    error_message = "failure_rate_alarm.evaluation_periods: at least 1, and periods times evaluation_periods at most one day (CloudWatch's limit)."
  }

  validation {
    condition     = var.failure_rate_alarm.minimum_deployments >= 1 && floor(var.failure_rate_alarm.minimum_deployments) == var.failure_rate_alarm.minimum_deployments
    error_message = "failure_rate_alarm.minimum_deployments: a whole number, at least 1."
  }
}

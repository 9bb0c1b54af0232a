terraform {
  # 1.6: `terraform test`; mock providers in the tests need 1.7.
  required_version = ">= 1.6"

  required_providers {
    # The only provider: the archive and random providers are not available where this module is tested,
    # and Maven already builds function.zip. Tested with 5.100 (offline, .ci/terraform-checks) and a pinned 6.x
    # (.github/workflows/ci.yml); the module uses no argument or attribute that only one of them has.
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0"
    }
  }
}

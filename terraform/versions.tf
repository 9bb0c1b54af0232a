terraform {
  # 1.6: `terraform test`; mock providers in the tests need 1.7.
  required_version = ">= 1.6"

  required_providers {
    # The only provider: the archive and random providers are not available where this module is tested,
    # and Maven already builds function.zip.
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100"
    }
  }
}

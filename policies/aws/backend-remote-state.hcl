policy "backend-remote-state" {
  severity            = "warning"
  production_severity = "error"
  summary             = "State must be kept in a remote backend with encryption and locking"
  tags                = ["security", "reliability"]
  security_severity   = "6.5"

  description = <<-EOT
    ## What fails

    Per environment (a root module with one set of values):

    - **no backend**: the root declares neither `backend` nor `cloud`, so
      Terraform keeps the state in a local `terraform.tfstate`;
    - **a local backend**: `backend "local"`;
    - **an s3 backend without encryption**: `encrypt` is not `true` in the
      backend block merged with the environment's partial backend
      configuration files (`backend.hcl`, `prod.s3.tfbackend`, see
      environments.md);
    - **an s3 backend without locking**: neither a non-empty
      `dynamodb_table` nor `use_lockfile = true` (S3 native locking,
      Terraform 1.10 / OpenTofu 1.10 and later).

    An s3 backend with no `bucket` in the block nor in any partial
    configuration file tfguard found is configured at `terraform init` time
    (`-backend-config` in a CI script): it is not judged. Other remote
    backends (`cloud`, `remote`, `gcs`, `azurerm`, `consul`, `http`, ...)
    pass: they encrypt and lock, or are configured elsewhere. A value known
    only at apply makes the check *undecided*.

    The finding points at the `backend` block, or, without one, at the root
    module. It is a warning, and an error in production environments
    (environments whose tier is production, including roots whose name says
    nothing about their tier).

    ## Why

    A local state file lives on one laptop or one CI runner: a second person
    or pipeline that runs `apply` works from another copy and the two
    overwrite each other's changes; a lost disk or a cleaned workspace loses
    the only record of what Terraform manages (the next apply tries to
    create everything again). The state holds every secret that passes
    through the configuration in clear text — database passwords, private
    keys, tokens — so a state file committed by mistake, or kept in an
    unencrypted bucket, leaks them. Without locking, two applies that run
    at the same time (a merge queue, a retried job) interleave their writes
    and corrupt the state. A remote backend with encryption at rest and a
    lock (DynamoDB, or `use_lockfile`) prevents all three.
  EOT

  bad_example = <<-EOT
    terraform {
      backend "s3" {
        bucket = "acme-terraform-state"
        key    = "network/terraform.tfstate"
        region = "eu-west-1"
      }
    }
  EOT

  good_example = <<-EOT
    terraform {
      backend "s3" {
        bucket       = "acme-terraform-state"
        key          = "network/terraform.tfstate"
        region       = "eu-west-1"
        encrypt      = true
        use_lockfile = true
      }
    }
  EOT

  scope = "environment"

  locals {
    type    = env.backend == null ? "" : env.backend.type
    config  = try(env.backend.config, null)
    encrypt = try(tobool(local.config.encrypt), false) == true
    locked  = try(length(local.config.dynamodb_table) > 0, false) || try(tobool(local.config.use_lockfile), false) == true
    problems = local.type != "s3" ? [] : concat(
      local.encrypt ? [] : ["no encryption (encrypt is ${try(local.config.encrypt, null) == null ? "not set" : local.config.encrypt})"],
      local.locked ? [] : ["no state locking (neither dynamodb_table nor use_lockfile = true)"],
    )
    what = (
      local.type == "" ? "has no backend: its state is a local terraform.tfstate file" :
      local.type == "local" ? "keeps its state in a local backend" :
      "keeps its state in an s3 backend with ${join(" and ", local.problems)}"
    )
  }

  assert = (
    # An s3 backend configured entirely at init time cannot be judged.
    (local.type == "s3" && try(local.config.bucket, null) == null)
    || (local.type != "" && local.type != "local" && (local.type != "s3" || (local.encrypt && local.locked)))
  )

  at      = "backend"
  message = "environment ${env.name} ${local.what}"
  detail  = "Keep the state in a remote backend that encrypts it and locks it during operations: for S3, set encrypt = true and use_lockfile = true (Terraform/OpenTofu 1.10+) or a dynamodb_table; or use HCP Terraform/Terraform Enterprise (cloud block), GCS or azurerm. Move existing state with terraform init -migrate-state."
}

// The starter `.tfguard.hcl` that `tfguard init` writes: every key, what it
// does and an example. The active settings are the defaults, so writing the
// file changes nothing until it is edited; the examples are commented out.
// tests/settings/settings_test.cc checks that the file validates both as
// written and with its example blocks uncommented.
#include "settings/settings.h"

namespace tfguard::settings {

std::string starterSettings() {
  return R"hcl(# tfguard configuration. Reference: docs/configuration.md in the tfguard sources.
#
# tfguard reads the nearest .tfguard.hcl from the checked path upward, or the
# file given with --config. Paths below are relative to the directory of this
# file. Values must be written out literally: strings, numbers, bools, lists
# and objects (no references, function calls or "${...}"). An unknown key or a
# value of the wrong type is an error (exit code 2), never silently ignored.

# Files and folders to skip, as globs relative to this directory; `*` matches
# within a path segment, `**` any number of segments. .terraform/ and .git/
# are always skipped.
exclude = [
  # "**/examples/**",
  # "legacy/**",
]

# Extra folders of HCL policies, loaded in addition to the built-in ones.
policies = [
  # "policies/custom",
]

# The lowest severity that makes `tfguard check` exit with 1: "error",
# "warning", "note" or "never" (always exit 0). --fail-on overrides it.
fail_on = "warning"

# Environments: one evaluation of one root module with one set of variable
# values. tfguard also finds environments on its own (environments/NAME,
# envs/NAME, NAME.tfvars files...); blocks here add to what it finds or
# describe an environment more precisely.
#
# environment "production" {
#   root           = "terraform/environments/production"  # required: the root module's directory
#   var_files      = ["production.tfvars"]                 # like -var-file, applied in order
#   env_file       = "production.env"                      # shell file with TF_VAR_name=value lines
#   backend_config = ["backend/production.hcl"]            # like -backend-config; a string or a list
#   vars = {                                               # like -var; wins over every file
#     region        = "eu-west-1"
#     instance_type = "m6i.large"
#     azs           = ["eu-west-1a", "eu-west-1b"]
#   }
#   tier      = "production"                               # "production", "staging" or "development"
#   workspace = "default"                                  # the value of terraform.workspace
# }
#
# environment "dev" {
#   root = "terraform/environments/dev"
#   tier = "development"                                   # inferred from the name when omitted
# }

# Rules: turn a rule off, change its severity, or set its parameters
# (`tfguard rules` lists the rules, `tfguard explain RULE` documents one).
#
# rule "ssh-admin-cidr" {
#   severity    = "error"                                  # "error", "warning" or "note"
#   admin_cidrs = ["198.51.100.0/24"]                      # any other argument is a rule parameter
# }
#
# rule "s3-versioning" {
#   severity = {                                           # or one severity per tier
#     production  = "error"
#     staging     = "warning"
#     development = "note"
#   }
# }
#
# rule "dynamodb-pitr" {
#   enabled = false                                        # true or false
# }
)hcl";
}

}  // namespace tfguard::settings

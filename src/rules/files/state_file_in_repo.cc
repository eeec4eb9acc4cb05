// state-file-in-repo: Terraform state files in the scanned tree (SPEC §6).
// The loader lists *.tfstate and *.tfstate.backup files while it walks (it
// never reads them; .terraform/ and excluded paths are not walked); this
// rule reports each one at its first line.
#include <fmt/format.h>

#include "rules/registry.h"

namespace tfguard::rules {
namespace {

class StateFileInRepoRule final : public Rule {
 public:
  StateFileInRepoRule() {
    meta_.id = "state-file-in-repo";
    meta_.default_severity = Severity::kError;
    meta_.summary = "Terraform state files must not be kept in the repository";
    meta_.description =
        "## What fails\n\n"
        "Every file named `*.tfstate` or `*.tfstate.backup` in the scanned tree, for example "
        "`terraform.tfstate` left next to the configuration by a local backend, its `terraform.tfstate.backup`, "
        "workspace states under `terraform.tfstate.d/`, or a state downloaded with `terraform state pull > "
        "prod.tfstate`. The file is reported at its first line; its content is never read.\n\n"
        "Not reported: files under `.terraform/` (the backend's own metadata, `.terraform/terraform.tfstate`, "
        "which holds no resources), files excluded by `exclude` in `.tfguard.hcl`, and names that only contain "
        "`.tfstate` (`state.tfstate.json`).\n\n"
        "## Why\n\n"
        "Terraform state records every attribute of every resource in clear text: generated database "
        "passwords (`random_password`), private keys (`tls_private_key`), IAM access keys "
        "(`aws_iam_access_key`), connection strings, even values of variables marked sensitive. A state file "
        "in a repository hands all of them to everyone who can read the repository and keeps them in its "
        "history. It also invites two people to apply from two copies of the state, which corrupts the "
        "infrastructure. Keep state in a remote backend with encryption and locking (S3 with `encrypt = true` "
        "and `use_lockfile = true`, or HCP Terraform), add `*.tfstate` and `*.tfstate.*` to `.gitignore`, "
        "delete the file from the repository (and its history), and rotate the secrets it held.";
    meta_.bad_example = R"(# terraform.tfstate committed next to main.tf, with the default local backend:
terraform {
  required_version = ">= 1.6"
}
)";
    meta_.good_example = R"(# no *.tfstate in the repository: the state lives in an encrypted, locked remote backend
terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket       = "example-terraform-state"
    key          = "app/production.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
)";
    meta_.scope = RuleScope::kProject;
    meta_.tags = {"security"};
    meta_.security_severity = "8.0";
    meta_.why_cpp = "It is about files on disk that are never parsed, which policies (over evaluated resources) "
                    "cannot see.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkProject(ProjectContext& ctx) const override {
    for (const std::filesystem::path& path : ctx.stateFiles()) {
      RuleFinding f;
      f.at = ctx.fileLocation(path);
      std::string shown = f.at.file ? f.at.file->path() : path.generic_string();
      bool backup = shown.ends_with(".backup");
      f.message = fmt::format("{} `{}` is in the scanned tree; state files hold every secret of the "
                              "infrastructure in clear text",
                              backup ? "state backup file" : "state file", shown);
      f.detail =
          "Terraform state records every attribute of every resource unencrypted, including generated passwords, "
          "private keys and access keys. Move the state to a remote backend with encryption and locking, delete "
          "this file (and remove it from the repository's history if it was committed), add *.tfstate and "
          "*.tfstate.* to .gitignore, and rotate the secrets it held.";
      ctx.report(std::move(f));
    }
  }

 private:
  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeStateFileInRepoRule() { return std::make_unique<StateFileInRepoRule>(); }

}  // namespace tfguard::rules

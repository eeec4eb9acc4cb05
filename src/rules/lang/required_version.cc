// required-version: a root module that does not say which Terraform versions
// it works with (SPEC §6, tflint's terraform_required_version, limited to
// root modules: a child module runs under its root's Terraform).
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "rules/registry.h"

namespace tfguard::rules {
namespace {

/// The first line of the module's first configuration file (files are in
/// the order Terraform reads them): where a module without a `terraform`
/// block is reported, since no declaration is missing from a particular place.
Location firstLineOf(const model::Module& module) {
  for (const syntax::ParsedFile* file : module.files) {
    if (file == nullptr || file->source == nullptr) continue;
    std::string_view text = file->source->text();
    size_t end = text.find('\n');
    if (end == std::string_view::npos) end = text.size();
    if (end > 0 && text[end - 1] == '\r') --end;
    return {file->source, {0, static_cast<uint32_t>(end)}};
  }
  return {};
}

class RequiredVersionRule final : public Rule {
 public:
  RequiredVersionRule() {
    meta_.id = "required-version";
    meta_.default_severity = Severity::kNote;
    meta_.summary = "a root module should constrain the Terraform version with required_version";
    meta_.description =
        "## What fails\n\n"
        "A root module (a directory with configuration that no scanned module calls) in which no "
        "`terraform` block sets `required_version`, override files included. The finding points at the "
        "first `terraform` block when there is one, else at the first line of the module's first file. "
        "Child modules are not checked: they run under the Terraform of the root that calls them.\n\n"
        "## Why\n\n"
        "Without a constraint, whoever runs `terraform apply` decides the version: a newer CLI upgrades "
        "the state format (older CLIs can no longer read it, so the rest of the team and the CI are "
        "forced to upgrade), and an older one fails on syntax it does not know or silently behaves "
        "differently. `required_version = \"~> 1.9\"` makes every run fail fast with a clear message instead.";
    meta_.bad_example = R"(terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
)";
    meta_.good_example = R"(terraform {
  required_version = "~> 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
)";
    meta_.scope = RuleScope::kProject;
    meta_.tags = {"terraform"};
    meta_.why_cpp =
        "Policies select evaluated resource instances per environment; this rule reads a root module's "
        "`terraform` blocks, which no resource instance carries.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkProject(ProjectContext& ctx) const override {
    for (const model::Module* module : ctx.modules()) {
      if (module == nullptr || !ctx.isRootModule(*module) || module->terraform.required_version != nullptr) continue;
      RuleFinding f;
      f.at = module->terraform.blocks.empty() ? firstLineOf(*module) : module->terraform.blocks.front().location();
      if (!f.at.file) continue;  // a module without files has nowhere to point
      // Named as the user sees it: the directory of the file, relative to the working directory.
      std::string dir = std::filesystem::path(f.at.file->path()).parent_path().generic_string();
      f.message = fmt::format("root module \"{}\" does not constrain the terraform version (no required_version)",
                              dir.empty() ? "." : dir);
      f.detail =
          "Add `required_version = \"~> 1.9\"` (the versions the module is tested with) to its `terraform` block.";
      ctx.report(std::move(f));
    }
  }

 private:
  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeRequiredVersionRule() { return std::make_unique<RequiredVersionRule>(); }

}  // namespace tfguard::rules

// module-source-pinned: a module call whose source can change under it (SPEC
// §6, tflint's terraform_module_pinned_source and terraform_module_version):
// a git source without `?ref=`, a registry source without `version`. Local
// paths are part of the repository; other remote kinds (s3::, gcs::, plain
// https archives) are left alone.
#include <fmt/format.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "rules/registry.h"

namespace tfguard::rules {
namespace {

enum class SourceKind : uint8_t { kLocal, kGit, kRegistry, kOther };

bool isRegistryNamePart(std::string_view part) {
  if (part.empty() || part.size() > 64 || !std::isalnum(static_cast<unsigned char>(part.front()))) return false;
  for (char ch : part)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_') return false;
  return true;
}

bool isRegistryProviderPart(std::string_view part) {
  if (part.empty() || part.size() > 64) return false;
  for (char ch : part)
    if (!std::islower(static_cast<unsigned char>(ch)) && !std::isdigit(static_cast<unsigned char>(ch))) return false;
  return true;
}

/// A hostname as registry sources name one ("app.terraform.io",
/// "registry.example.com:8443"): it has a dot, and no path characters.
bool isHostPart(std::string_view part) {
  if (part.find('.') == std::string_view::npos) return false;
  for (char ch : part)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '-' && ch != ':') return false;
  return true;
}

/// NAMESPACE/NAME/PROVIDER or HOST/NAMESPACE/NAME/PROVIDER, each optionally
/// followed by //SUBDIR, as Terraform's registry address parser reads them.
bool isRegistrySource(std::string_view source) {
  if (source.find("::") != std::string_view::npos || source.find('?') != std::string_view::npos) return false;
  if (size_t subdir = source.find("//"); subdir != std::string_view::npos) source = source.substr(0, subdir);
  std::vector<std::string_view> parts;
  while (!source.empty() && parts.size() <= 4) {
    size_t slash = source.find('/');
    parts.push_back(source.substr(0, slash));
    source = slash == std::string_view::npos ? std::string_view() : source.substr(slash + 1);
  }
  if (parts.size() == 4 && isHostPart(parts[0])) parts.erase(parts.begin());
  return parts.size() == 3 && isRegistryNamePart(parts[0]) && isRegistryNamePart(parts[1]) &&
         isRegistryProviderPart(parts[2]);
}

SourceKind classify(std::string_view source) {
  for (std::string_view local : {"./", "../", ".\\", "..\\"})
    if (source.starts_with(local)) return SourceKind::kLocal;
  // github.com/ and bitbucket.org/ are go-getter shorthands, never registry hosts.
  for (std::string_view git : {"git::", "github.com/", "git@", "bitbucket.org/"})
    if (source.starts_with(git)) return SourceKind::kGit;
  return isRegistrySource(source) ? SourceKind::kRegistry : SourceKind::kOther;
}

/// True when the query string of a git source has a non-empty `ref`.
bool hasRef(std::string_view source) {
  size_t question = source.find('?');
  if (question == std::string_view::npos) return false;
  std::string_view query = source.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    if (param.starts_with("ref=") && param.size() > 4) return true;
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  return false;
}

/// How to add the missing ref to `source`.
std::string_view refSuggestion(std::string_view source) {
  size_t question = source.find('?');
  if (question == std::string_view::npos) return "add ?ref=v1.2.0";
  std::string_view query = source.substr(question);
  if (query.find("?ref=") != std::string_view::npos || query.find("&ref=") != std::string_view::npos)
    return "give ref a tag or commit, e.g. ref=v1.2.0";
  return "add &ref=v1.2.0";
}

/// `version = ""` or `version = null` pins nothing.
bool constrains(const model::Attr* version) {
  if (version == nullptr || version->expr == nullptr) return false;
  const syntax::Expr& expr = *version->expr;
  if (expr.kind == syntax::ExprKind::kLiteral) {
    const auto& literal = syntax::as<syntax::LiteralExpr>(expr);
    return literal.value.type != syntax::LiteralType::kNull &&
           !(literal.value.type == syntax::LiteralType::kString && literal.value.text.empty());
  }
  if (expr.kind == syntax::ExprKind::kTemplate) return !syntax::as<syntax::TemplateExpr>(expr).parts.empty();
  return true;
}

class ModuleSourcePinnedRule final : public Rule {
 public:
  ModuleSourcePinnedRule() {
    meta_.id = "module-source-pinned";
    meta_.default_severity = Severity::kWarning;
    meta_.summary = "a remote module source should be pinned to a version";
    meta_.description =
        "## What fails\n\n"
        "A `module` block whose literal `source` is:\n\n"
        "- a git source (`git::...`, or the shorthands `github.com/...`, `git@...`, `bitbucket.org/...`) "
        "without a non-empty `ref` query parameter (`?ref=v1.2.0`, also after `//subdir` and other "
        "parameters);\n"
        "- a registry source (`NAMESPACE/NAME/PROVIDER` or `HOST/NAMESPACE/NAME/PROVIDER`, optionally with "
        "`//subdir`) without a `version` argument (or with `version = \"\"` / `null`).\n\n"
        "Local paths (`./`, `../`) are fine: they are versioned with the caller. Other remote sources "
        "(`s3::`, `gcs::`, HTTP archives) and sources that are not a literal string are not checked. A ref "
        "that names a branch counts as pinned. The finding points at the `source` argument.\n\n"
        "## Why\n\n"
        "An unpinned source is whatever the default branch or the newest registry release is at the moment "
        "someone runs `terraform init`: two engineers, or staging and production a week apart, apply "
        "different module code from the same commit, and an upstream breaking change reaches production "
        "without a review. Pinning makes an upgrade a visible, reviewable diff.";
    meta_.bad_example = R"(module "vpc" {
  source = "git::https://example.com/network/vpc.git"
}

module "eks" {
  source = "terraform-aws-modules/eks/aws"
}
)";
    meta_.good_example = R"(module "vpc" {
  source = "git::https://example.com/network/vpc.git?ref=v1.2.0"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
}

module "app" {
  source = "./modules/app"
}
)";
    meta_.scope = RuleScope::kProject;
    meta_.tags = {"terraform"};
    meta_.why_cpp =
        "Policies select evaluated resource instances per environment; this rule reads module call "
        "declarations, which are not resource instances.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkProject(ProjectContext& ctx) const override {
    for (const model::Module* module : ctx.modules()) {
      if (module == nullptr) continue;
      for (const model::ModuleCall& call : module->module_calls) {
        if (call.source.empty() || call.source_attr == nullptr || call.source_attr->file == nullptr) continue;
        RuleFinding f;
        switch (classify(call.source)) {
          case SourceKind::kGit:
            if (hasRef(call.source)) continue;
            f.message = fmt::format("module \"{}\" source \"{}\" is not pinned to a ref ({})", call.name,
                                    call.source, refSuggestion(call.source));
            f.detail =
                "Without `ref`, `terraform init` checks out the default branch as it is at that moment. Pin a "
                "tag or a commit so that every environment applies the module code that was reviewed.";
            break;
          case SourceKind::kRegistry:
            if (constrains(call.version)) continue;
            f.message = fmt::format(
                "module \"{}\" source \"{}\" is a registry module without a version (add version = \"~> X.Y\")",
                call.name, call.source);
            f.detail =
                "Without `version`, `terraform init` installs the newest release, breaking changes included. "
                "Add a `version` constraint that admits the releases the configuration is tested with.";
            break;
          case SourceKind::kLocal:
          case SourceKind::kOther: continue;
        }
        f.at = {call.source_attr->file->source, call.source_attr->range};
        ctx.report(std::move(f));
      }
    }
  }

 private:
  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeModuleSourcePinnedRule() { return std::make_unique<ModuleSourcePinnedRule>(); }

}  // namespace tfguard::rules

// The migration table. Sources: aquasecurity/trivy-checks (checks/cloud/aws
// metadata: AVD id, long id and the tfsec aliases), bridgecrewio/checkov
// (checkov/terraform/checks: the `id` of each check class) and
// terraform-linters/tflint-ruleset-terraform (rule names). A check is listed
// only when a tfguard rule reports the same problem; checks that are
// stricter or about something else (a CMK instead of encryption, one year
// of log retention instead of any) are left out on purpose.
#include "suppress/tool_mapping.h"

#include <array>
#include <cctype>

namespace tfguard::suppress {
namespace {

using enum ToolFamily;

constexpr std::array kMappings = {
    // ------------------------------------------------ tfsec / trivy (AVD ids)
    ToolMapping{kAqua, "AVD-AWS-0107 aws-ec2-no-public-ingress-sgr aws-vpc-no-public-ingress-sgr",
                "ssh-admin-cidr,sg-all-traffic"},
    ToolMapping{kAqua, "AVD-AWS-0028 aws-ec2-enforce-http-token-imds", "ec2-imdsv2"},
    ToolMapping{kAqua,
                "AVD-AWS-0130 aws-ec2-enforce-launch-config-http-token-imds "
                "aws-autoscaling-enforce-http-token-imds",
                "ec2-imdsv2"},
    ToolMapping{kAqua, "AVD-AWS-0131 aws-ec2-enable-at-rest-encryption", "ebs-encryption"},
    ToolMapping{kAqua,
                "AVD-AWS-0008 aws-ec2-enable-launch-config-at-rest-encryption "
                "aws-autoscaling-enable-at-rest-encryption",
                "ebs-encryption"},
    ToolMapping{kAqua, "AVD-AWS-0026 aws-ec2-enable-volume-encryption aws-ebs-enable-volume-encryption",
                "ebs-encryption"},
    ToolMapping{kAqua, "AVD-AWS-0029 aws-ec2-no-secrets-in-user-data", "user-data-secret"},
    ToolMapping{kAqua,
                "AVD-AWS-0129 aws-ec2-no-secrets-in-launch-template-user-data "
                "aws-autoscaling-no-secrets-in-user-data",
                "user-data-secret"},
    ToolMapping{kAqua, "AVD-AWS-0057 aws-iam-no-policy-wildcards", "iam-wildcard-action"},
    ToolMapping{kAqua, "AVD-AWS-0080 aws-rds-encrypt-instance-storage-data", "rds-encryption"},
    ToolMapping{kAqua, "AVD-AWS-0079 aws-rds-encrypt-cluster-storage-data", "rds-encryption"},
    ToolMapping{kAqua, "AVD-AWS-0180 aws-rds-enable-public-access", "rds-public"},
    ToolMapping{kAqua, "AVD-AWS-0082 aws-rds-no-public-db-access", "rds-public"},
    ToolMapping{kAqua, "AVD-AWS-0077 aws-rds-specify-backup-retention", "rds-backup-retention"},
    ToolMapping{kAqua, "AVD-AWS-0177 aws-rds-enable-deletion-protection", "rds-deletion-protection"},
    ToolMapping{kAqua, "AVD-AWS-0343 aws-rds-enable-cluster-deletion-protection", "rds-deletion-protection"},
    ToolMapping{kAqua, "AVD-AWS-0045 aws-elasticache-enable-at-rest-encryption", "elasticache-encryption"},
    ToolMapping{kAqua, "AVD-AWS-0051 aws-elasticache-enable-in-transit-encryption", "elasticache-encryption"},
    ToolMapping{kAqua, "AVD-AWS-0090 aws-s3-enable-versioning", "s3-versioning"},
    ToolMapping{kAqua, "AVD-AWS-0086 aws-s3-block-public-acls", "s3-public-access-block"},
    ToolMapping{kAqua, "AVD-AWS-0087 aws-s3-block-public-policy", "s3-public-access-block"},
    ToolMapping{kAqua, "AVD-AWS-0091 aws-s3-ignore-public-acls", "s3-public-access-block"},
    ToolMapping{kAqua, "AVD-AWS-0093 aws-s3-no-public-buckets", "s3-public-access-block"},
    ToolMapping{kAqua, "AVD-AWS-0094 aws-s3-specify-public-access-block", "s3-public-access-block"},
    ToolMapping{kAqua, "AVD-AWS-0092 aws-s3-no-public-access-with-acl", "s3-public-acl"},
    ToolMapping{kAqua, "AVD-AWS-0024 aws-dynamodb-enable-recovery", "dynamodb-pitr"},
    ToolMapping{kAqua, "AVD-AWS-0030 aws-ecr-enable-image-scans", "ecr-scan-on-push"},
    ToolMapping{kAqua, "AVD-AWS-0031 aws-ecr-enforce-immutable-repository", "ecr-immutable-tags"},
    ToolMapping{kAqua, "AVD-AWS-0054 aws-elb-http-not-used", "alb-https"},
    ToolMapping{kAqua, "AVD-AWS-0052 aws-elb-drop-invalid-headers", "alb-drop-invalid-headers"},
    ToolMapping{kAqua, "AVD-AWS-0001 aws-apigateway-enable-access-logging aws-api-gateway-enable-access-logging",
                "apigw-access-logs"},
    // ---------------------------------------------------------------- checkov
    ToolMapping{kCheckov, "CKV_AWS_24", "ssh-admin-cidr"},
    ToolMapping{kCheckov, "CKV_AWS_79", "ec2-imdsv2"},
    ToolMapping{kCheckov, "CKV_AWS_3", "ebs-encryption"},
    ToolMapping{kCheckov, "CKV_AWS_8", "ebs-encryption"},
    ToolMapping{kCheckov, "CKV_AWS_46", "user-data-secret"},
    ToolMapping{kCheckov, "CKV_AWS_41", "hardcoded-secret"},
    ToolMapping{kCheckov, "CKV_AWS_45", "hardcoded-secret"},
    ToolMapping{kCheckov, "CKV_AWS_1", "iam-wildcard-action"},
    ToolMapping{kCheckov, "CKV_AWS_62", "iam-wildcard-action"},
    ToolMapping{kCheckov, "CKV_AWS_63", "iam-wildcard-action"},
    ToolMapping{kCheckov, "CKV_AWS_16", "rds-encryption"},
    ToolMapping{kCheckov, "CKV_AWS_17", "rds-public"},
    ToolMapping{kCheckov, "CKV_AWS_293", "rds-deletion-protection"},
    ToolMapping{kCheckov, "CKV_AWS_139", "rds-deletion-protection"},
    ToolMapping{kCheckov, "CKV_AWS_29", "elasticache-encryption"},
    ToolMapping{kCheckov, "CKV_AWS_30", "elasticache-encryption"},
    ToolMapping{kCheckov, "CKV_AWS_21", "s3-versioning"},
    ToolMapping{kCheckov, "CKV_AWS_53", "s3-public-access-block"},
    ToolMapping{kCheckov, "CKV_AWS_54", "s3-public-access-block"},
    ToolMapping{kCheckov, "CKV_AWS_55", "s3-public-access-block"},
    ToolMapping{kCheckov, "CKV_AWS_56", "s3-public-access-block"},
    ToolMapping{kCheckov, "CKV2_AWS_6", "s3-public-access-block"},
    ToolMapping{kCheckov, "CKV_AWS_20", "s3-public-acl"},
    ToolMapping{kCheckov, "CKV_AWS_57", "s3-public-acl"},
    ToolMapping{kCheckov, "CKV_AWS_28", "dynamodb-pitr"},
    ToolMapping{kCheckov, "CKV_AWS_163", "ecr-scan-on-push"},
    ToolMapping{kCheckov, "CKV_AWS_51", "ecr-immutable-tags"},
    ToolMapping{kCheckov, "CKV_AWS_2", "alb-https"},
    ToolMapping{kCheckov, "CKV_AWS_131", "alb-drop-invalid-headers"},
    ToolMapping{kCheckov, "CKV_AWS_66", "log-retention"},
    ToolMapping{kCheckov, "CKV_AWS_76", "apigw-access-logs"},
    ToolMapping{kCheckov, "CKV_TF_1", "module-source-pinned"},
    // ----------------------------------------------------------------- tflint
    ToolMapping{kTflint, "terraform_required_version", "required-version"},
    ToolMapping{kTflint, "terraform_required_providers", "provider-version"},
    ToolMapping{kTflint, "terraform_unused_declarations", "unused-declaration"},
    ToolMapping{kTflint, "terraform_module_pinned_source", "module-source-pinned"},
    ToolMapping{kTflint, "terraform_module_version", "module-source-pinned"},
    ToolMapping{kTflint, "terraform_deprecated_interpolation", "deprecated-interpolation"},
    ToolMapping{kTflint, "terraform_typed_variables", "variable-type"},
};

constexpr auto kCatalog = std::to_array<std::string_view>({
    "alb-drop-invalid-headers", "alb-https", "ami-literal", "apigw-access-logs",
    "backend-remote-state", "deprecated-interpolation", "dynamodb-pitr", "ebs-encryption",
    "ec2-create-before-destroy", "ec2-imdsv2", "ecr-immutable-tags", "ecr-scan-on-push",
    "ecs-circuit-breaker", "eip-attached", "elasticache-encryption", "env-drift",
    "env-isolation", "eval-error", "hardcoded-secret", "iam-wildcard-action",
    "lambda-limits", "log-retention", "missing-required-variable", "module-source-pinned",
    "provider-version", "rds-backup-retention", "rds-deletion-protection", "rds-encryption",
    "rds-public", "required-version", "s3-public-access-block", "s3-public-acl",
    "s3-versioning", "sg-all-traffic", "sqs-dlq", "ssh-admin-cidr",
    "state-file-in-repo", "syntax", "type-mismatch", "undeclared-variable",
    "unused-declaration", "unused-ignore", "user-data-restart-policy", "user-data-secret",
    "variable-type", "variable-validation",
});

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

/// Calls `f` with each piece of `list` between `sep`s, empty pieces skipped.
template <typename F>
void forEachPiece(std::string_view list, char sep, F&& f) {
  while (!list.empty()) {
    size_t cut = list.find(sep);
    std::string_view piece = list.substr(0, cut);
    if (!piece.empty()) f(piece);
    if (cut == std::string_view::npos) break;
    list.remove_prefix(cut + 1);
  }
}

}  // namespace

std::span<const ToolMapping> toolMappings() { return kMappings; }

std::vector<std::string_view> mapToolId(ToolFamily family, std::string_view id) {
  std::vector<std::string_view> rules;
  bool bare_avd = family == kAqua && id.size() > 4 && equalsIgnoreCase(id.substr(0, 4), "AWS-");
  for (const ToolMapping& m : kMappings) {
    if (m.family != family) continue;
    bool match = false;
    forEachPiece(m.ids, ' ', [&](std::string_view alias) {
      if (equalsIgnoreCase(alias, id)) match = true;
      if (bare_avd && alias.starts_with("AVD-") && equalsIgnoreCase(alias.substr(4), id)) match = true;
    });
    if (match) forEachPiece(m.rules, ',', [&](std::string_view r) { rules.push_back(r); });
  }
  return rules;
}

std::vector<std::string_view> tflintMappedRules() { return mappedRules(kTflint); }

std::vector<std::string_view> mappedRules(ToolFamily family) {
  std::vector<std::string_view> rules;
  for (const ToolMapping& m : kMappings) {
    if (m.family != family) continue;
    forEachPiece(m.rules, ',', [&](std::string_view r) {
      for (std::string_view seen : rules)
        if (seen == r) return;
      rules.push_back(r);
    });
  }
  return rules;
}

std::span<const std::string_view> catalogRuleIds() { return kCatalog; }

std::string_view familyName(ToolFamily family) {
  switch (family) {
    case kAqua: return "tfsec/trivy";
    case kCheckov: return "checkov";
    case kTflint: return "tflint";
  }
  return "";
}

}  // namespace tfguard::suppress

// Inline suppressions: parsing of every comment syntax, what a comment
// covers, expiry, environment scope, other tools' ids and the
// unused-ignore findings.
#include "suppress/suppress.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "suppress/tool_mapping.h"
#include "syntax/parser.h"

namespace tfguard::suppress {
namespace {

constexpr std::string_view kToday = "2025-06-01";

bool knownRule(std::string_view id) {
  for (std::string_view r : catalogRuleIds())
    if (r == id) return true;
  return false;
}

struct Case {
  std::shared_ptr<const SourceFile> source;
  syntax::ParsedFile parsed;
  Findings problems;
  std::vector<Suppression> suppressions;
  std::vector<Finding> findings;

  /// A finding of `rule` at the `nth` occurrence of `needle`.
  void add(std::string rule, std::string_view needle, int nth = 0, std::string env = "") {
    size_t pos = source->text().find(needle);
    for (int i = 0; i < nth; ++i) pos = source->text().find(needle, pos + 1);
    EXPECT_NE(pos, std::string_view::npos) << needle;
    Finding f;
    f.rule = std::move(rule);
    f.summary = "finding";
    f.environment = std::move(env);
    f.location = {source, {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())}};
    findings.push_back(std::move(f));
  }

  /// "S" (suppressed) or "-" per finding added, in order.
  std::string apply(std::string_view today = kToday) {
    size_t n = findings.size();
    applySuppressions(findings, suppressions, today);
    std::string out;
    for (size_t i = 0; i < n; ++i) out += findings[i].suppressed ? "S" : "-";
    return out;
  }

  /// The unused-ignore notes added by apply(): "line: summary".
  std::string notes() const {
    std::string out;
    for (const Finding& f : findings)
      if (f.rule == "unused-ignore")
        out += std::to_string(source->lines().position(f.location.range.begin).line) + ": " + f.summary + "\n";
    return out;
  }

  std::string problemText() const {
    std::string out;
    for (const Finding& f : problems) {
      EXPECT_EQ(f.rule, "unused-ignore");
      EXPECT_EQ(f.severity, Severity::kWarning);
      out += std::to_string(source->lines().position(f.location.range.begin).line) + ": " + f.summary + " |" +
             f.detail + "\n";
    }
    return out;
  }
};

std::unique_ptr<Case> collect(std::string text, bool (*known)(std::string_view) = knownRule,
                              std::string path = "main.tf") {
  auto c = std::make_unique<Case>();
  c->source = std::make_shared<SourceFile>(std::move(path), std::move(text));
  c->parsed = syntax::parseConfig(c->source);
  EXPECT_TRUE(c->parsed.diagnostics.empty());
  c->suppressions = collectSuppressions(c->parsed, known, c->problems);
  return c;
}

TEST(SuppressTest, LineBeforeBlockCoversTheBlock) {
  auto c = collect(
      "# tfguard:ignore ssh-admin-cidr bastion, reviewed by ops\n"
      "resource \"aws_security_group\" \"a\" {\n"
      "  ingress {\n"
      "    cidr_blocks = [\"0.0.0.0/0\"]\n"
      "  }\n"
      "}\n"
      "resource \"aws_security_group\" \"b\" {\n"
      "  ingress {\n"
      "    cidr_blocks = [\"0.0.0.0/0\"]\n"
      "  }\n"
      "}\n");
  ASSERT_EQ(c->suppressions.size(), 1u);
  const Suppression& s = c->suppressions[0];
  EXPECT_EQ(s.rules, std::vector<std::string>{"ssh-admin-cidr"});
  EXPECT_EQ(s.reason, "bastion, reviewed by ops");
  EXPECT_EQ(s.source_tool, "tfguard");
  EXPECT_FALSE(s.whole_file);
  c->add("ssh-admin-cidr", "\"0.0.0.0/0\"", 0);
  c->add("ssh-admin-cidr", "\"0.0.0.0/0\"", 1);
  c->add("sg-all-traffic", "\"0.0.0.0/0\"", 0);
  c->add("ssh-admin-cidr", "resource \"aws_security_group\" \"a\"");
  EXPECT_EQ(c->apply(), "S--S");
  EXPECT_EQ(c->findings[0].suppression_reason, "bastion, reviewed by ops");
  EXPECT_EQ(c->notes(), "");
  EXPECT_EQ(c->problemText(), "");
}

TEST(SuppressTest, LineBeforeAttributeInNestedBlock) {
  auto c = collect(
      "resource \"aws_security_group\" \"a\" {\n"
      "  ingress {\n"
      "    from_port = 22\n"
      "    # tfguard:ignore ssh-admin-cidr\n"
      "    # (the VPN range is added by hand)\n"
      "    cidr_blocks = [\n"
      "      \"0.0.0.0/0\",\n"
      "    ]\n"
      "  }\n"
      "}\n");
  ASSERT_EQ(c->suppressions.size(), 1u);
  c->add("ssh-admin-cidr", "\"0.0.0.0/0\"");
  c->add("ssh-admin-cidr", "from_port");
  c->add("ssh-admin-cidr", "ingress");
  EXPECT_EQ(c->apply(), "S--");
  EXPECT_EQ(c->findings[0].suppression_reason, "tfguard comment at main.tf:4");
  EXPECT_EQ(c->notes(), "");
}

TEST(SuppressTest, EndOfLine) {
  auto c = collect(
      "resource \"aws_instance\" \"a\" {\n"
      "  metadata_options {  # tfguard:ignore ec2-imdsv2 legacy AMI\n"
      "    http_tokens = \"optional\"\n"
      "  }\n"
      "  ebs_block_device {\n"
      "    encrypted = false # tfguard:ignore ebs-encryption\n"
      "    volume_size = 10\n"
      "  }\n"
      "  tags = {\n"
      "    Name = \"x\" # tfguard:ignore ami-literal\n"
      "  }\n"
      "  ami = \"ami-123\"\n"
      "}\n");
  ASSERT_EQ(c->suppressions.size(), 3u);
  c->add("ec2-imdsv2", "http_tokens");
  c->add("ec2-imdsv2", "metadata_options");
  c->add("ebs-encryption", "encrypted");
  c->add("ebs-encryption", "volume_size");
  c->add("ami-literal", "\"x\"");
  c->add("ami-literal", "ami = ");
  EXPECT_EQ(c->apply(), "SSS-S-");
  EXPECT_EQ(c->findings[0].suppression_reason, "legacy AMI");
}

TEST(SuppressTest, IgnoreFile) {
  auto c = collect(
      "// Network of the bastion.\n"
      "# tfguard:ignore-file ssh-admin-cidr,sg-all-traffic exp:2099-01-01 the bastion is public\n"
      "\n"
      "resource \"aws_security_group\" \"a\" {\n"
      "  ingress { cidr_blocks = [\"0.0.0.0/0\"] }\n"
      "}\n"
      "# tfguard:ignore-file ec2-imdsv2\n"
      "resource \"aws_instance\" \"b\" {}\n");
  ASSERT_EQ(c->suppressions.size(), 1u);
  EXPECT_TRUE(c->suppressions[0].whole_file);
  EXPECT_EQ(c->suppressions[0].expires, "2099-01-01");
  EXPECT_EQ(c->suppressions[0].reason, "the bastion is public");
  EXPECT_EQ(c->problemText(),
            "7: `tfguard:ignore-file` after the first block is ignored |A whole-file suppression must come "
            "before the first block or attribute of the file. Move it to the top, or use `tfguard:ignore` "
            "before the block it is meant for.\n");
  c->add("ssh-admin-cidr", "cidr_blocks");
  c->add("ec2-imdsv2", "resource \"aws_instance\"");
  c->add("sg-all-traffic", "resource \"aws_instance\"");
  EXPECT_EQ(c->apply(), "S-S");
  EXPECT_EQ(c->notes(), "");
}

TEST(SuppressTest, MultipleRulesAndPartlyUnused) {
  auto c = collect(
      "# tfguard:ignore ssh-admin-cidr, sg-all-traffic,ebs-encryption env:prod exp:2030-12-31 -- shared\n"
      "resource \"aws_security_group\" \"a\" {\n"
      "  ingress { cidr_blocks = [\"0.0.0.0/0\"] }\n"
      "}\n");
  ASSERT_EQ(c->suppressions.size(), 1u);
  const Suppression& s = c->suppressions[0];
  EXPECT_EQ(s.rules, (std::vector<std::string>{"ssh-admin-cidr", "sg-all-traffic", "ebs-encryption"}));
  EXPECT_EQ(s.environment, "prod");
  EXPECT_EQ(s.expires, "2030-12-31");
  EXPECT_EQ(s.reason, "shared");
  c->add("ssh-admin-cidr", "cidr_blocks", 0, "prod");
  c->add("sg-all-traffic", "cidr_blocks", 0, "prod");
  EXPECT_EQ(c->apply(), "SS");
  EXPECT_EQ(c->notes(), "1: `ebs-encryption` in this suppression suppressed nothing\n");
}

TEST(SuppressTest, Expiry) {
  auto c = collect(
      "# tfguard:ignore s3-versioning exp:2020-01-01\n"
      "resource \"aws_s3_bucket\" \"old\" {}\n"
      "# tfguard:ignore s3-versioning exp:2025-06-01\n"
      "resource \"aws_s3_bucket\" \"today\" {}\n"
      "# tfguard:ignore s3-versioning exp:2025-02-30 bad date\n"
      "resource \"aws_s3_bucket\" \"bad\" {}\n");
  ASSERT_EQ(c->suppressions.size(), 3u);
  EXPECT_EQ(c->suppressions[2].expires, "");
  EXPECT_EQ(c->suppressions[2].reason, "bad date");
  EXPECT_EQ(c->problemText(),
            "5: invalid expiry date `2025-02-30` |Expiry dates are written `exp:YYYY-MM-DD`; the suppression "
            "applies without an expiry until the date is fixed.\n");
  c->add("s3-versioning", "\"old\"");
  c->add("s3-versioning", "\"today\"");
  c->add("s3-versioning", "\"bad\"");
  EXPECT_EQ(c->apply(), "-SS");
  EXPECT_EQ(c->notes(), "1: suppression expired on 2020-01-01\n");
  // Without a date, nothing expires.
  auto d = collect("# tfguard:ignore s3-versioning exp:2020-01-01\nresource \"aws_s3_bucket\" \"old\" {}\n");
  d->add("s3-versioning", "\"old\"");
  EXPECT_EQ(d->apply(""), "S");
}

TEST(SuppressTest, EnvironmentScope) {
  auto c = collect(
      "# tfguard:ignore rds-public env:dev\n"
      "resource \"aws_db_instance\" \"a\" {\n"
      "  publicly_accessible = true\n"
      "}\n");
  c->add("rds-public", "publicly_accessible", 0, "dev");
  c->add("rds-public", "publicly_accessible", 0, "prod");
  c->add("rds-public", "publicly_accessible", 0, "");
  EXPECT_EQ(c->apply(), "S--");
  auto d = collect("# tfguard:ignore rds-public env:dev\nresource \"aws_db_instance\" \"a\" {}\n");
  d->add("rds-public", "resource", 0, "prod");
  EXPECT_EQ(d->apply(), "-");
  EXPECT_EQ(d->notes(), "1: suppression of `rds-public` suppressed nothing\n");
}

TEST(SuppressTest, SlashAndBlockComments) {
  auto c = collect(
      "// tfguard:ignore log-retention\n"
      "resource \"aws_cloudwatch_log_group\" \"a\" {}\n"
      "/* tfguard:ignore log-retention\n"
      "   kept forever for the audit */\n"
      "resource \"aws_cloudwatch_log_group\" \"b\" {}\n"
      "resource \"aws_cloudwatch_log_group\" \"c\" { /* tfguard:ignore log-retention */ }\n"
      "resource \"aws_cloudwatch_log_group\" \"d\" {}\n");
  ASSERT_EQ(c->suppressions.size(), 3u);
  EXPECT_EQ(c->suppressions[1].reason, "kept forever for the audit");
  c->add("log-retention", "\"a\"");
  c->add("log-retention", "\"b\"");
  c->add("log-retention", "\"c\"");
  c->add("log-retention", "\"d\"");
  EXPECT_EQ(c->apply(), "SSS-");
}

TEST(SuppressTest, BlankLineEndsTheReach) {
  auto c = collect(
      "# tfguard:ignore s3-versioning\n"
      "\n"
      "resource \"aws_s3_bucket\" \"a\" {}\n");
  c->add("s3-versioning", "resource");
  EXPECT_EQ(c->apply(), "-");
  EXPECT_EQ(c->notes(), "1: suppression of `s3-versioning` suppressed nothing\n");
}

TEST(SuppressTest, AllRules) {
  auto c = collect(
      "# tfguard:ignore all\n"
      "resource \"aws_s3_bucket\" \"a\" {}\n");
  c->add("s3-versioning", "resource");
  c->add("s3-public-access-block", "resource");
  EXPECT_EQ(c->apply(), "SS");
}

TEST(SuppressTest, Tfsec) {
  auto c = collect(
      "resource \"aws_security_group\" \"a\" {\n"
      "  #tfsec:ignore:aws-ec2-no-public-ingress-sgr\n"
      "  ingress { cidr_blocks = [\"0.0.0.0/0\"] }\n"
      "  #tfsec:ignore:aws-vpc-no-public-ingress-sgr:exp:2020-01-01\n"
      "  ingress { cidr_blocks = [\"0.0.0.0/0\"] }\n"
      "}\n"
      "resource \"aws_instance\" \"b\" { #tfsec:ignore:aws-ec2-enforce-http-token-imds tfsec:ignore:aws-ec2-unknown\n"
      "  ami = \"ami-1\"\n"
      "}\n");
  ASSERT_EQ(c->suppressions.size(), 3u);
  EXPECT_EQ(c->suppressions[0].source_tool, "tfsec");
  EXPECT_EQ(c->suppressions[0].rules, (std::vector<std::string>{"ssh-admin-cidr", "sg-all-traffic"}));
  EXPECT_FALSE(c->suppressions[0].report_unused);
  EXPECT_EQ(c->suppressions[1].expires, "2020-01-01");
  c->add("ssh-admin-cidr", "cidr_blocks", 0);
  c->add("sg-all-traffic", "cidr_blocks", 0);
  c->add("ssh-admin-cidr", "cidr_blocks", 1);
  c->add("ec2-imdsv2", "\"b\"");
  EXPECT_EQ(c->apply(), "SS-S");
  EXPECT_EQ(c->notes(), "");  // other tools' comments are that tool's business
  EXPECT_EQ(c->problemText(), "");
}

TEST(SuppressTest, TfsecWildcardIsEveryMappedCheck) {
  auto c = collect(
      "#tfsec:ignore:*\n"
      "resource \"aws_instance\" \"b\" {\n"
      "  ami = \"ami-1\"\n"
      "}\n");
  ASSERT_EQ(c->suppressions.size(), 1u);
  const auto& rules = c->suppressions[0].rules;
  EXPECT_NE(std::find(rules.begin(), rules.end(), "ec2-imdsv2"), rules.end());
  EXPECT_NE(std::find(rules.begin(), rules.end(), "ebs-encryption"), rules.end());
  EXPECT_EQ(std::find(rules.begin(), rules.end(), "env-drift"), rules.end());  // no tfsec equivalent
  c->add("ec2-imdsv2", "\"b\"");
  EXPECT_EQ(c->apply(), "S");
}

TEST(SuppressTest, Trivy) {
  auto c = collect(
      "#trivy:ignore:AVD-AWS-0090\n"
      "resource \"aws_s3_bucket\" \"a\" {}\n"
      "# trivy:ignore:aws-s3-enable-versioning:ws:prod\n"
      "resource \"aws_s3_bucket\" \"b\" {}\n"
      "#trivy:ignore:AWS-0024 trivy:ignore:AVD-AWS-9999\n"
      "resource \"aws_dynamodb_table\" \"c\" {}\n"
      "#trivy:ignore:avd-aws-0107[from_port=22]\n"
      "resource \"aws_security_group\" \"d\" {}\n");
  ASSERT_EQ(c->suppressions.size(), 4u);
  EXPECT_EQ(c->suppressions[1].environment, "prod");
  EXPECT_EQ(c->suppressions[2].rules, std::vector<std::string>{"dynamodb-pitr"});
  c->add("s3-versioning", "\"a\"");
  c->add("s3-versioning", "\"b\"", 0, "dev");
  c->add("dynamodb-pitr", "\"c\"");
  c->add("ssh-admin-cidr", "\"d\"");
  EXPECT_EQ(c->apply(), "S-SS");
  EXPECT_EQ(c->notes(), "");
}

TEST(SuppressTest, CheckovCoversTheResourceItIsIn) {
  auto c = collect(
      "resource \"aws_security_group\" \"a\" {\n"
      "  #checkov:skip=CKV_AWS_24:bastion host\n"
      "  description = \"bastion\"\n"
      "  ingress { cidr_blocks = [\"0.0.0.0/0\"] }\n"
      "}\n"
      "#checkov:skip=CKV_AWS_21\n"
      "resource \"aws_s3_bucket\" \"b\" {}\n"
      "#checkov:skip=CKV_AWS_999:not ours\n"
      "resource \"aws_s3_bucket\" \"c\" {}\n");
  ASSERT_EQ(c->suppressions.size(), 2u);
  EXPECT_EQ(c->suppressions[0].source_tool, "checkov");
  EXPECT_EQ(c->suppressions[0].reason, "bastion host");
  c->add("ssh-admin-cidr", "cidr_blocks");
  c->add("s3-versioning", "\"b\"");
  c->add("s3-versioning", "\"c\"");
  EXPECT_EQ(c->apply(), "SS-");
  EXPECT_EQ(c->findings[0].suppression_reason, "bastion host");
}

TEST(SuppressTest, Tflint) {
  auto c = collect(
      "# tflint-ignore-file: terraform_required_version\n"
      "# tflint-ignore: terraform_typed_variables, terraform_unused_declarations # kept for callers\n"
      "variable \"a\" {}\n"
      "variable \"b\" {} # tflint-ignore: all\n"
      "# tflint-ignore: aws_instance_invalid_type\n"
      "variable \"c\" {}\n");
  ASSERT_EQ(c->suppressions.size(), 3u);
  EXPECT_TRUE(c->suppressions[0].whole_file);
  EXPECT_EQ(c->suppressions[1].rules, (std::vector<std::string>{"variable-type", "unused-declaration"}));
  EXPECT_EQ(c->suppressions[1].reason, "kept for callers");
  c->add("variable-type", "\"a\"");
  c->add("unused-declaration", "\"a\"");
  c->add("unused-declaration", "\"b\"");
  c->add("variable-type", "\"c\"");
  c->add("required-version", "\"c\"");
  c->add("ssh-admin-cidr", "\"b\"");  // tflint's all is its own rules only
  EXPECT_EQ(c->apply(), "SSS-S-");
}

TEST(SuppressTest, MappedRulesNotKnownAreDropped) {
  // A rule not registered (yet): the mapping is dropped silently.
  auto c = collect("#checkov:skip=CKV_AWS_24\nresource \"aws_security_group\" \"a\" {}\n",
                   [](std::string_view id) { return id != "ssh-admin-cidr"; });
  EXPECT_TRUE(c->suppressions.empty());
  EXPECT_EQ(c->problemText(), "");
}

TEST(SuppressTest, UnknownRuleIds) {
  auto c = collect(
      "# tfguard:ignore sh-admin-cidr,s3-versioning\n"
      "resource \"aws_s3_bucket\" \"a\" {}\n"
      "# tfguard:ignore CKV_AWS_21\n"
      "resource \"aws_s3_bucket\" \"b\" {}\n"
      "# tfguard:ignore\n"
      "resource \"aws_s3_bucket\" \"c\" {}\n"
      "# tfguard:ignore zzzzzzzz\n"
      "resource \"aws_s3_bucket\" \"d\" {}\n");
  ASSERT_EQ(c->suppressions.size(), 1u);
  EXPECT_EQ(c->suppressions[0].rules, std::vector<std::string>{"s3-versioning"});
  EXPECT_EQ(c->problemText(),
            "1: unknown rule `sh-admin-cidr` in `tfguard:ignore` |No rule has the id `sh-admin-cidr`, so this "
            "suppression does nothing for it. Did you mean `ssh-admin-cidr`?\n"
            "3: unknown rule `CKV_AWS_21` in `tfguard:ignore` |No rule has the id `CKV_AWS_21`, so this "
            "suppression does nothing for it. `CKV_AWS_21` is a checkov id; the tfguard rule is "
            "`s3-versioning`.\n"
            "5: `tfguard:ignore` names no rule |Write the rule ids to suppress: `# tfguard:ignore "
            "RULE[,RULE...] [exp:YYYY-MM-DD] [env:NAME] [reason]`.\n"
            "7: unknown rule `zzzzzzzz` in `tfguard:ignore` |No rule has the id `zzzzzzzz`, so this "
            "suppression does nothing for it.\n");
  // Without a known_rule callback every id is accepted.
  auto d = collect("# tfguard:ignore my-policy\nresource \"aws_s3_bucket\" \"a\" {}\n", nullptr);
  ASSERT_EQ(d->suppressions.size(), 1u);
  EXPECT_EQ(d->problemText(), "");
}

TEST(SuppressTest, SyntaxAndUnusedIgnoreAreNotSuppressible) {
  auto c = collect(
      "# tfguard:ignore all\n"
      "resource \"aws_s3_bucket\" \"a\" {}\n"
      "# tfguard:ignore syntax,s3-versioning\n"
      "resource \"aws_s3_bucket\" \"b\" {}\n");
  ASSERT_EQ(c->suppressions.size(), 2u);
  EXPECT_EQ(c->suppressions[1].rules, std::vector<std::string>{"s3-versioning"});
  EXPECT_EQ(c->problemText(),
            "3: `syntax` findings cannot be suppressed |Syntax errors and problems with suppressions themselves "
            "are always reported; remove `syntax` from the `tfguard:ignore` comment.\n");
  c->add("syntax", "\"a\"");
  c->add("unused-ignore", "\"a\"");
  c->add("syntax", "\"b\"");
  c->add("s3-versioning", "\"b\"");
  EXPECT_EQ(c->apply(), "---S");
  EXPECT_EQ(c->notes(), "2: finding\n1: suppression of `all` suppressed nothing\n");
  EXPECT_EQ(c->findings.back().severity, Severity::kNote);
}

TEST(SuppressTest, OtherFilesAreNotCovered) {
  auto c = collect("# tfguard:ignore-file s3-versioning\nresource \"aws_s3_bucket\" \"a\" {}\n");
  auto other = std::make_shared<SourceFile>("other.tf", "resource \"aws_s3_bucket\" \"a\" {}\n");
  Finding f;
  f.rule = "s3-versioning";
  f.location = {other, {0, 8}};
  c->findings.push_back(f);
  // Same path, another SourceFile object (the file read twice): covered.
  auto same = std::make_shared<SourceFile>("main.tf", std::string(c->source->text()));
  f.location = {same, {0, 8}};
  c->findings.push_back(f);
  EXPECT_EQ(c->apply(), "-S");
}

TEST(SuppressTest, DocsListEveryMapping) {
  std::ifstream in(std::string(TFGUARD_TESTDATA) + "/../docs/suppressions.md");
  ASSERT_TRUE(in) << "docs/suppressions.md";
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string docs = buffer.str();
  for (const ToolMapping& m : toolMappings()) {
    std::string first(m.ids.substr(0, m.ids.find(' ')));
    EXPECT_NE(docs.find("`" + first + "`"), std::string::npos) << first;
    EXPECT_NE(docs.find(std::string(m.rules.substr(0, m.rules.find(',')))), std::string::npos) << m.rules;
  }
}

}  // namespace
}  // namespace tfguard::suppress

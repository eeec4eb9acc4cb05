// ssh-admin-cidr on its fixtures and on small trees.
#include <gtest/gtest.h>

#include "rules/registry.h"
#include "rules/rule_helpers.h"
#include "rule_test_util.h"

namespace tfguard::rules {
namespace {

using testing::fixture;
using testing::Reported;
using testing::RuleRunner;

eval::Value strings(std::vector<std::string> items) {
  std::vector<eval::Value> values;
  for (auto& s : items) values.push_back(eval::Value::string(std::move(s)));
  return eval::Value::list(std::move(values), eval::Type::string());
}

std::vector<const Reported*> findings(const std::vector<Reported>& all, bool undecided = false) {
  std::vector<const Reported*> out;
  for (const auto& r : all)
    if (r.undecided == undecided) out.push_back(&r);
  return out;
}

const std::map<std::string, eval::Value> kAdmin = {
    {"admin_cidrs", strings({"198.51.100.0/24", "2001:db8:1234::/48"})}};

TEST(SshAdminCidrRule, Meta) {
  auto rule = makeSshAdminCidrRule();
  const RuleMeta& m = rule->meta();
  EXPECT_EQ(m.id, "ssh-admin-cidr");
  EXPECT_EQ(m.default_severity, Severity::kError);
  ASSERT_TRUE(m.development_severity.has_value());
  EXPECT_EQ(*m.development_severity, Severity::kWarning);
  EXPECT_EQ(m.security_severity, "8.0");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].name, "admin_cidrs");
  EXPECT_FALSE(m.bad_example.empty());
  EXPECT_FALSE(m.good_example.empty());
}

TEST(SshAdminCidrRule, FixturesMatchMarkers) {
  auto rule = makeSshAdminCidrRule();
  testing::expectFixturesMatchMarkers(*rule, "ssh-admin-cidr", {{"admin-cidrs", kAdmin}});
}

TEST(SshAdminCidrRule, MessagesAndPaths) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  auto all = runner.run(*rule, fixture("ssh-admin-cidr", "world-open"));
  auto f = findings(all);
  std::map<std::string, std::string> by_path;
  for (const auto* r : f) by_path[r->finding.resource + " " + r->finding.attribute_path] = r->finding.message;
  EXPECT_EQ(by_path["aws_security_group.server ingress[0].cidr_blocks"],
            "SSH (22/tcp) is open to 0.0.0.0/0; no admin_cidrs configured");
  EXPECT_EQ(by_path["aws_security_group.server ingress[2].ipv6_cidr_blocks"],
            "SSH (22/tcp) is open to ::/0; no admin_cidrs configured");
  EXPECT_EQ(by_path["aws_security_group.all_traffic ingress[0].cidr_blocks"],
            "SSH (22/tcp) is open to 0.0.0.0/0; no admin_cidrs configured");
  EXPECT_EQ(by_path["aws_security_group.as_list ingress[0].cidr_blocks"],
            "SSH (22/tcp) is open to 0.0.0.0/0; no admin_cidrs configured");
  EXPECT_EQ(by_path["aws_security_group_rule.ssh cidr_blocks"],
            "SSH (22/tcp) is open to 0.0.0.0/0; no admin_cidrs configured");
  EXPECT_EQ(by_path["aws_security_group_rule.ssh_v4_written_as_v6 ipv6_cidr_blocks"],
            "SSH (22/tcp) is open to 0.0.0.0/0; no admin_cidrs configured");
  EXPECT_EQ(by_path["aws_vpc_security_group_ingress_rule.everything_v6 cidr_ipv6"],
            "SSH (22/tcp) is open to ::/0; no admin_cidrs configured");
  EXPECT_EQ(by_path.count("aws_security_group.bastion ingress[0].cidr_blocks"), 1u);  // suppressed by the engine
  EXPECT_EQ(f.size(), 8u) << testing::dump(all);
  EXPECT_TRUE(findings(all, true).empty()) << testing::dump(all);
}

TEST(SshAdminCidrRule, AdminCidrsMessageListsThem) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  auto all = runner.run(*rule, fixture("ssh-admin-cidr", "admin-cidrs"), kAdmin);
  bool seen = false;
  for (const auto* r : findings(all))
    if (r->finding.attribute_path == "ingress[1].cidr_blocks") {
      seen = true;
      EXPECT_EQ(r->finding.message,
                "SSH (22/tcp) is open to 198.51.0.0/16; allowed admin CIDRs: 198.51.100.0/24, 2001:db8:1234::/48");
    }
  EXPECT_TRUE(seen) << testing::dump(all);
}

TEST(SshAdminCidrRule, TfvarsThroughModuleFailsOnlyInDev) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  auto all = runner.run(*rule, fixture("ssh-admin-cidr", "tfvars-module"));
  auto f = findings(all);
  ASSERT_EQ(f.size(), 1u) << testing::dump(all);
  EXPECT_EQ(f[0]->environment, "dev");
  EXPECT_EQ(f[0]->finding.resource, "module.server.aws_security_group.server");
  EXPECT_EQ(f[0]->finding.attribute_path.substr(0, 8), "ingress[");
  EXPECT_EQ(f[0]->finding.message, "SSH (22/tcp) is open to 0.0.0.0/0; no admin_cidrs configured");
  // Where the value was set: the dev tfvars line.
  bool tfvars = false;
  for (const auto& rel : f[0]->finding.related)
    if (rel.message.find("terraform.tfvars") != std::string::npos) tfvars = true;
  EXPECT_TRUE(tfvars) << testing::dump(all);
}

TEST(SshAdminCidrRule, UnknownValuesAreUndecided) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  auto all = runner.run(*rule, fixture("ssh-admin-cidr", "unknown"));
  EXPECT_TRUE(findings(all).empty()) << testing::dump(all);
  auto u = findings(all, true);
  ASSERT_EQ(u.size(), 2u) << testing::dump(all);
  EXPECT_NE(u[0]->finding.message.find("port range is unknown"), std::string::npos);
  EXPECT_NE(u[1]->finding.message.find("cidr_blocks is unknown"), std::string::npos);
}

TEST(SshAdminCidrRule, JsonIngressList) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  auto all = runner.runTree(*rule, {{"main.tf.json", R"({"resource": {"aws_security_group": {"j": {
    "ingress": [
      {"from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]},
      {"from_port": "22", "to_port": "22", "protocol": "TCP", "cidr_blocks": ["0.0.0.0/0"],
       "ipv6_cidr_blocks": ["::/0"]}
    ]}}}})"}});
  auto f = findings(all);
  ASSERT_EQ(f.size(), 2u) << testing::dump(all);
  EXPECT_EQ(f[0]->finding.attribute_path, "ingress[1].cidr_blocks");
  EXPECT_EQ(f[1]->finding.attribute_path, "ingress[1].ipv6_cidr_blocks");
  EXPECT_EQ(f[0]->where, "main.tf.json:2");
}

TEST(SshAdminCidrRule, SensitiveCidrsAreNotPrinted) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  auto all = runner.runTree(*rule, {{"main.tf", R"(
variable "cidrs" {
  type      = list(string)
  sensitive = true
  default   = ["0.0.0.0/0"]
}
resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = var.cidrs
}
)"}});
  auto f = findings(all);
  ASSERT_EQ(f.size(), 1u) << testing::dump(all);
  EXPECT_EQ(f[0]->finding.message, "SSH (22/tcp) is open to (sensitive); no admin_cidrs configured");
  EXPECT_EQ(f[0]->finding.detail.find("0.0.0.0"), std::string::npos);
}

TEST(SshAdminCidrRule, OddValuesDoNotCrash) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  auto all = runner.runTree(*rule, {{"main.tf", R"(
resource "aws_security_group" "odd" {
  ingress {
    from_port   = "x"
    to_port     = null
    protocol    = "tcp"
    cidr_blocks = ["not-a-cidr", null, 42, "0.0.0.0/0"]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = ["tcp"]
    cidr_blocks = "0.0.0.0/0"
  }
  ingress {
    protocol    = -1
    cidr_blocks = { a = "0.0.0.0/0" }
  }
  ingress = "nonsense"
}
resource "aws_security_group_rule" "no_type" {
  protocol    = "tcp"
  cidr_blocks = ["0.0.0.0/0"]
}
data "aws_security_group" "d" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
)"}});
  // Only the protocol -1 one: its cidr_blocks is a map whose values count as elements or not at all.
  for (const auto* r : findings(all)) EXPECT_EQ(r->finding.resource, "aws_security_group.odd");
}

TEST(SshAdminCidrRule, AdminRangesIpv6Containment) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  std::map<std::string, eval::Value> params = {{"admin_cidrs", strings({"2001:db8:1234::/48", "0.0.0.0/0"})}};
  auto all = runner.runTree(*rule, {{"main.tf", R"(
resource "aws_vpc_security_group_ingress_rule" "a" {
  ip_protocol = "tcp"
  from_port   = 22
  to_port     = 22
  cidr_ipv6   = "2001:db8:1235::/48"
}
resource "aws_vpc_security_group_ingress_rule" "b" {
  ip_protocol = "tcp"
  from_port   = 22
  to_port     = 22
  cidr_ipv6   = "2001:db8:1234:ffff::1"
}
resource "aws_vpc_security_group_ingress_rule" "c" {
  ip_protocol = "all"
  cidr_ipv6   = "::/0"
}
resource "aws_vpc_security_group_ingress_rule" "d" {
  ip_protocol = "tcp"
  from_port   = 22
  to_port     = 22
  cidr_ipv4   = "203.0.113.9/32"
}
)"}},
                            params);
  std::set<std::string> got;
  for (const auto* r : findings(all)) got.insert(r->finding.resource);
  EXPECT_EQ(got, (std::set<std::string>{"aws_vpc_security_group_ingress_rule.a",
                                        "aws_vpc_security_group_ingress_rule.c"}))
      << testing::dump(all);
}

TEST(SshAdminCidrRule, EmptyAdminListFailsEverySource) {
  auto rule = makeSshAdminCidrRule();
  RuleRunner runner;
  std::map<std::string, eval::Value> params = {{"admin_cidrs", eval::Value::list({}, eval::Type::string())}};
  auto all = runner.runTree(*rule, {{"main.tf", R"(
resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = ["10.1.2.0/24"]
}
)"}},
                            params);
  auto f = findings(all);
  ASSERT_EQ(f.size(), 1u) << testing::dump(all);
  EXPECT_EQ(f[0]->finding.message, "SSH (22/tcp) is open to 10.1.2.0/24; no admin CIDRs allowed (admin_cidrs is empty)");
}

TEST(RuleHelpers, MatchReference) {
  EXPECT_TRUE(matchReference("aws_eip.x.id", "aws_eip.x").matches);
  EXPECT_EQ(matchReference("aws_eip.x.id", "aws_eip.x").attribute, "id");
  EXPECT_FALSE(matchReference("aws_eip.xy.id", "aws_eip.x").matches);
  EXPECT_TRUE(matchReference("aws_eip.x", "aws_eip.x").matches);
  EXPECT_EQ(matchReference("aws_eip.x", "aws_eip.x").attribute, "");
  EXPECT_TRUE(matchReference("module.a.aws_eip.this[0].allocation_id", "module.a.aws_eip.this[0]").matches);
  EXPECT_FALSE(matchReference("module.a.aws_eip.this[1].allocation_id", "module.a.aws_eip.this[0]").matches);
  EXPECT_TRUE(matchReference("module.a.aws_eip.this.id", "module.a.aws_eip.this[0]").matches);
  EXPECT_TRUE(matchReference("aws_eip.this[\"a]b\"].id", "aws_eip.this[\"a]b\"]").matches);
  EXPECT_TRUE(matchReference("aws_eip.this[3].id", "aws_eip.this[?]").matches);
  EXPECT_FALSE(matchReference("module.b.aws_eip.this.id", "module.a.aws_eip.this").matches);
}

TEST(RuleHelpers, Base64AndText) {
  EXPECT_EQ(decodeBase64("aGVsbG8="), "hello");
  EXPECT_EQ(decodeBase64("aGVsbG8"), "hello");
  EXPECT_FALSE(decodeBase64("#!/bin/bash").has_value());
  EXPECT_TRUE(looksLikeBase64("ZG9ja2VyIHJ1biBuZ2lueAo="));
  EXPECT_FALSE(looksLikeBase64("docker run nginx"));
  EXPECT_FALSE(looksLikeBase64("abc"));
  EXPECT_TRUE(isPlainText("docker run \xc3\xa9"));
  EXPECT_FALSE(isPlainText(std::string("\x1f\x8b\x08\x00", 4)));
  EXPECT_EQ(shorten("abcdefghij", 8), "abcde...");
  EXPECT_EQ(shorten("abc", 8), "abc");
}

TEST(RuleHelpers, Cidrs) {
  auto p = parseCidr("2001:db8::/32");
  auto q = parseCidr("2001:db8:1::/48");
  ASSERT_TRUE(p && q);
  std::vector<eval::cidr::Prefix> outer{*p};
  EXPECT_TRUE(cidrWithinAny(*q, outer));
  std::vector<eval::cidr::Prefix> inner{*q};
  EXPECT_FALSE(cidrWithinAny(*p, inner));
  auto world4 = parseCidr("0.0.0.0/0");
  auto world6 = parseCidr("::/0");
  ASSERT_TRUE(world4 && world6);
  EXPECT_TRUE(world4->isWholeFamily());
  EXPECT_TRUE(world6->isWholeFamily());
  std::vector<eval::cidr::Prefix> v4{*world4};
  EXPECT_FALSE(cidrWithinAny(*q, v4));  // families do not mix
  EXPECT_FALSE(parseCidr("nonsense").has_value());
  EXPECT_TRUE(parseCidr("10.0.0.1").has_value());
}

}  // namespace
}  // namespace tfguard::rules

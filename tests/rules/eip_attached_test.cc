// eip-attached on its fixtures and on small trees.
#include <gtest/gtest.h>

#include "rule_test_util.h"
#include "rules/registry.h"

namespace tfguard::rules {
namespace {

using testing::fixture;
using testing::Reported;
using testing::RuleRunner;

std::set<std::string> flagged(const std::vector<Reported>& all) {
  std::set<std::string> out;
  for (const auto& r : all)
    if (!r.undecided) out.insert(r.finding.resource);
  return out;
}

TEST(EipAttachedRule, Meta) {
  auto rule = makeEipAttachedRule();
  EXPECT_EQ(rule->meta().id, "eip-attached");
  EXPECT_EQ(rule->meta().default_severity, Severity::kWarning);
  EXPECT_EQ(rule->meta().tags, std::vector<std::string_view>{"cost"});
  EXPECT_EQ(rule->meta().resource_types, std::vector<std::string_view>{"aws_eip"});
}

TEST(EipAttachedRule, FixturesMatchMarkers) {
  auto rule = makeEipAttachedRule();
  testing::expectFixturesMatchMarkers(*rule, "eip-attached");
}

TEST(EipAttachedRule, Standalone) {
  auto rule = makeEipAttachedRule();
  RuleRunner runner;
  auto all = runner.run(*rule, fixture("eip-attached", "standalone"));
  EXPECT_EQ(flagged(all), (std::set<std::string>{"aws_eip.lonely", "aws_eip.maybe", "aws_eip.pair[1]",
                                                 "aws_eip.reserved"}))
      << testing::dump(all);
  for (const auto& r : all)
    if (r.finding.resource == "aws_eip.lonely") {
      EXPECT_EQ(r.finding.message,
                "elastic IP aws_eip.lonely is not attached to an instance or network interface (an unattached EIP "
                "is billed hourly)");
      EXPECT_EQ(r.where, "main.tf:10");
      EXPECT_TRUE(r.finding.attribute_path.empty());
    }
}

TEST(EipAttachedRule, ModuleOutputs) {
  auto rule = makeEipAttachedRule();
  RuleRunner runner;
  auto all = runner.run(*rule, fixture("eip-attached", "module-output"));
  EXPECT_EQ(flagged(all), (std::set<std::string>{"module.reserved.aws_eip.forgotten"})) << testing::dump(all);
}

TEST(EipAttachedRule, ForEachAndSplat) {
  auto rule = makeEipAttachedRule();
  RuleRunner runner;
  auto all = runner.runTree(*rule, {{"main.tf", R"(
resource "aws_eip" "by_key" {
  for_each = toset(["a", "b", "c"])
  domain   = "vpc"
}
resource "aws_eip_association" "by_key" {
  for_each      = toset(["a", "b"])
  allocation_id = aws_eip.by_key[each.key].id
  instance_id   = "i-0123456789abcdef0"
}
resource "aws_eip" "all" {
  count = 2
}
output "ips" {
  value = aws_eip.all[*].public_ip
}
resource "aws_eip" "unknown_attach" {
  instance = data.aws_instance.x.id
}
data "aws_eip" "lookup" {
  public_ip = "203.0.113.10"
}
)"}});
  EXPECT_EQ(flagged(all), (std::set<std::string>{"aws_eip.by_key[\"c\"]"})) << testing::dump(all);
}

TEST(EipAttachedRule, OtherResourceAllocationIdAttributeList) {
  auto rule = makeEipAttachedRule();
  RuleRunner runner;
  auto all = runner.runTree(*rule, {{"main.tf", R"(
resource "aws_eip" "a" {}
resource "aws_eip" "b" {}
resource "aws_lb" "nlb" {
  subnet_mapping = [{ subnet_id = "subnet-1", allocation_id = aws_eip.a.id }]
}
resource "aws_route53_record" "dns" {
  records = [aws_eip.b.public_ip]
}
)"}});
  // A DNS record pointing at the address does not attach it.
  EXPECT_EQ(flagged(all), (std::set<std::string>{"aws_eip.b"})) << testing::dump(all);
}

}  // namespace
}  // namespace tfguard::rules

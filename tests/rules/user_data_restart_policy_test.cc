// user-data-restart-policy on its fixtures and on small scripts.
#include <gtest/gtest.h>

#include "rule_test_util.h"
#include "rules/registry.h"

namespace tfguard::rules {
namespace {

using testing::fixture;
using testing::Reported;
using testing::RuleRunner;

std::vector<const Reported*> pick(const std::vector<Reported>& all, bool undecided = false) {
  std::vector<const Reported*> out;
  for (const auto& r : all)
    if (r.undecided == undecided) out.push_back(&r);
  return out;
}

/// The messages the rule gives for an aws_instance with `script` as user data.
std::vector<std::string> messagesFor(const std::string& script) {
  auto rule = makeUserDataRestartPolicyRule();
  RuleRunner runner;
  auto all = runner.runTree(*rule, {{"main.tf", "resource \"aws_instance\" \"x\" {\n  user_data = file(\"u.sh\")\n}\n"},
                                    {"u.sh", script}});
  std::vector<std::string> out;
  for (const auto& r : all) out.push_back((r.undecided ? "undecided: " : "") + r.finding.message);
  return out;
}

TEST(UserDataRestartPolicyRule, Meta) {
  auto rule = makeUserDataRestartPolicyRule();
  EXPECT_EQ(rule->meta().id, "user-data-restart-policy");
  EXPECT_EQ(rule->meta().default_severity, Severity::kError);
  EXPECT_EQ(rule->meta().tags, std::vector<std::string_view>{"reliability"});
}

TEST(UserDataRestartPolicyRule, FixturesMatchMarkers) {
  auto rule = makeUserDataRestartPolicyRule();
  testing::expectFixturesMatchMarkers(*rule, "user-data-restart-policy");
}

TEST(UserDataRestartPolicyRule, Message) {
  EXPECT_EQ(messagesFor("#!/bin/bash\ndocker run -d --name app nginx\n"),
            std::vector<std::string>{
                "container started without a restart policy: `docker run -d --name app nginx` (add --restart "
                "unless-stopped)"});
}

TEST(UserDataRestartPolicyRule, AcceptedPolicies) {
  EXPECT_TRUE(messagesFor("docker run -d --restart always nginx\n").empty());
  EXPECT_TRUE(messagesFor("docker run -d --restart=always nginx\n").empty());
  EXPECT_TRUE(messagesFor("docker run -d --restart unless-stopped nginx\n").empty());
  EXPECT_TRUE(messagesFor("docker run -d --restart=\"unless-stopped\" nginx\n").empty());
  EXPECT_TRUE(messagesFor("docker run -d --restart 'always' nginx\n").empty());
  EXPECT_EQ(messagesFor("docker run -d --restart=on-failure nginx\n").size(), 1u);
  EXPECT_EQ(messagesFor("docker run -d --restart no nginx\n").size(), 1u);
  EXPECT_EQ(messagesFor("docker run -d --restart= nginx\n").size(), 1u);
}

TEST(UserDataRestartPolicyRule, CommandForms) {
  // Several commands on one line, each judged.
  auto m = messagesFor("docker pull nginx && docker run -d nginx; podman run -d --restart always x | tee log\n");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_NE(m[0].find("`docker run -d nginx`"), std::string::npos) << m[0];
  // sudo, env prefixes, absolute paths, global options, `container run`.
  EXPECT_EQ(messagesFor("sudo -u root env FOO=1 /usr/bin/docker -H unix:///var/run/docker.sock container run x\n").size(), 1u);
  EXPECT_EQ(messagesFor("FOO=bar BAZ=1 docker run x\n").size(), 1u);
  // Line continuations, also with CRLF.
  EXPECT_TRUE(messagesFor("docker run -d \\\n  --name app \\\n  --restart always \\\n  nginx\n").empty());
  EXPECT_TRUE(messagesFor("docker run -d \\\r\n  --restart always \\\r\n  nginx\r\n").empty());
  // Command substitution, in quotes too.
  EXPECT_EQ(messagesFor("CID=$(docker run -d nginx)\n").size(), 1u);
  EXPECT_EQ(messagesFor("CID=\"$(docker run -d nginx)\"\n").size(), 1u);
  EXPECT_EQ(messagesFor("if ! docker ps | grep -q app; then docker run -d app; fi\n").size(), 1u);
  // sh -c and cloud-config runcmd.
  EXPECT_EQ(messagesFor("bash -c \"docker run -d app\"\n").size(), 1u);
  EXPECT_EQ(messagesFor("#cloud-config\nruncmd:\n  - docker run -d app\n  - 'docker run -d --restart always b'\n").size(), 1u);
  // Mentions are not commands; comments neither.
  EXPECT_TRUE(messagesFor("echo 'docker run -d nginx'\n# docker run nginx\ndocker ps\ndocker-compose up -d\n").empty());
  // Options with values do not hide the image; --restart after the image is the container's.
  EXPECT_EQ(messagesFor("docker run -e X=1 -p 80:80 -v /a:/b --name n img --restart always\n").size(), 1u);
  EXPECT_TRUE(messagesFor("docker run -dp 80:80 --restart always img\n").empty());
}

TEST(UserDataRestartPolicyRule, RmAndShellVariables) {
  auto m = messagesFor("docker run --rm amazon/aws-cli s3 ls\n");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_NE(m[0].find("drop --rm"), std::string::npos) << m[0];
  m = messagesFor("POLICY=always\ndocker run -d --restart $POLICY nginx\n");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].rfind("undecided: ", 0), 0u) << m[0];
}

TEST(UserDataRestartPolicyRule, LongCommandsAreShortened) {
  std::string image(200, 'x');
  auto m = messagesFor("docker run -d " + image + "\n");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_NE(m[0].find("...`"), std::string::npos);
  EXPECT_LT(m[0].size(), 160u);
}

TEST(UserDataRestartPolicyRule, TemplatefileWithTfvars) {
  auto rule = makeUserDataRestartPolicyRule();
  RuleRunner runner;
  auto all = runner.run(*rule, fixture("user-data-restart-policy", "templatefile"));
  auto f = pick(all);
  ASSERT_EQ(f.size(), 1u) << testing::dump(all);
  EXPECT_EQ(f[0]->finding.resource, "aws_instance.signaling");
  EXPECT_EQ(f[0]->finding.attribute_path, "user_data");
  EXPECT_NE(f[0]->finding.message.find("`docker run -d --name signaling -p 8080:8080"), std::string::npos)
      << f[0]->finding.message;
}

TEST(UserDataRestartPolicyRule, LaunchTemplates) {
  auto rule = makeUserDataRestartPolicyRule();
  RuleRunner runner;
  auto all = runner.run(*rule, fixture("user-data-restart-policy", "launch-template"));
  std::set<std::string> got;
  for (const auto* r : pick(all)) got.insert(r->finding.resource + " " + r->finding.attribute_path);
  EXPECT_EQ(got, (std::set<std::string>{"aws_launch_template.app user_data",
                                        "aws_launch_configuration.legacy user_data_base64",
                                        "aws_instance.base64_in_user_data user_data"}))
      << testing::dump(all);
  auto u = pick(all, true);
  ASSERT_EQ(u.size(), 1u) << testing::dump(all);
  EXPECT_EQ(u[0]->finding.resource, "aws_launch_template.unknown");
  EXPECT_NE(u[0]->finding.message.find("aws_s3_bucket.config.id"), std::string::npos) << u[0]->finding.message;
}

TEST(UserDataRestartPolicyRule, SensitiveAndOddValues) {
  auto rule = makeUserDataRestartPolicyRule();
  RuleRunner runner;
  auto all = runner.runTree(*rule, {{"main.tf", R"(
variable "token" {
  type      = string
  sensitive = true
  default   = "s3cr3t"
}
resource "aws_instance" "s" {
  user_data = "docker run -d -e TOKEN=${var.token} app"
}
resource "aws_instance" "n" {
  user_data = 42
}
resource "aws_instance" "l" {
  user_data = ["docker run x"]
}
resource "aws_instance" "g" {
  user_data_base64 = base64gzip("docker run x")
}
resource "aws_instance" "u" {
  user_data = "docker run -d \"unterminated"
}
)"}});
  bool sensitive_seen = false;
  for (const auto& r : all) {
    EXPECT_EQ(r.finding.message.find("s3cr3t"), std::string::npos);
    EXPECT_EQ(r.finding.detail.find("s3cr3t"), std::string::npos);
    if (r.finding.resource == "aws_instance.s") {
      sensitive_seen = true;
      EXPECT_EQ(r.finding.message,
                "container started without a restart policy: (sensitive) (add --restart unless-stopped)");
    }
  }
  EXPECT_TRUE(sensitive_seen) << testing::dump(all);
}

}  // namespace
}  // namespace tfguard::rules

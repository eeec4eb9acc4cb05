// The parallel pipeline (-j): environments are evaluated and checked on
// several threads, and the report must be byte for byte the one a single
// thread produces. Run under ThreadSanitizer by `make test-tsan`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "engine/engine.h"
#include "report/report.h"
#include "temp_repository.h"

namespace tfguard::engine {
namespace {

namespace fs = std::filesystem;

class ParallelCheckTest : public ::testing::Test {
 protected:
  void write(const std::string& rel, const std::string& text) { repo_.write(rel, text); }
  static std::string json(CheckResult r) {
    r.report.summary.duration_ms = 0;
    std::ostringstream out;
    report::makePrinter("json", {.show_undecided = true, .show_suppressed = true})->print(r.report, out);
    return out.str();
  }
  CheckResult check(unsigned jobs) {
    CheckOptions options;
    options.paths = {"."};
    options.today = "2026-06-01";
    options.jobs = jobs;
    settings::Settings settings;
    settings.dir = dir_;
    return runCheck(options, settings);
  }
  /// Stacks of two modules and three environment roots each, findings in
  /// every environment (open SSH from a tfvars value, an unattached EIP),
  /// templates read during evaluation, and a root evaluated once per tfvars
  /// file (environments sharing a root share an evaluation cache).
  void writeStacks(int stacks) {
    for (int s = 0; s < stacks; ++s) {
      std::string stack = "stack" + std::to_string(s) + "/";
      write(stack + "modules/net/main.tf", R"hcl(variable "ssh_cidrs" {
  type = list(string)
}
variable "name" {
  type = string
}
resource "aws_security_group" "web" {
  name = "${var.name}-web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.ssh_cidrs
  }
}
resource "aws_eip" "ip" {
  domain = "vpc"
}
output "sg" {
  value = aws_security_group.web.id
}
)hcl");
      write(stack + "modules/app/main.tf", R"hcl(variable "sg" {
  type = string
}
variable "env" {
  type = string
}
resource "aws_instance" "app" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [var.sg]
  user_data              = templatefile("${path.module}/init.sh.tftpl", { env = var.env })
}
)hcl");
      write(stack + "modules/app/init.sh.tftpl", "#!/bin/bash\ndocker run -d --name app-${env} nginx\n");
      for (const char* env : {"dev", "staging", "production"}) {
        std::string root = stack + "environments/" + env + "/";
        write(root + "main.tf", R"hcl(variable "ssh_cidrs" {
  type = list(string)
}
terraform {
  backend "s3" {
    bucket = "state"
    key    = "app.tfstate"
    region = "eu-west-1"
  }
}
module "net" {
  source    = "../../modules/net"
  name      = "app"
  ssh_cidrs = var.ssh_cidrs
}
module "app" {
  source = "../../modules/app"
  sg     = module.net.sg
  env    = ")hcl" + std::string(env) + R"hcl("
}
)hcl");
        write(root + "terraform.tfvars",
              std::string("ssh_cidrs = [\"") + (s % 2 == 0 ? "0.0.0.0/0" : "10.0.0.0/8") + "\"]\n");
      }
      write(stack + "shared/main.tf", R"hcl(variable "size" {
  type = number
}
module "net" {
  source    = "../modules/net"
  name      = "shared-${var.size}"
  ssh_cidrs = ["0.0.0.0/0"]
}
)hcl");
      for (const char* env : {"dev", "production"})
        write(stack + "shared/" + env + ".tfvars", std::string("size = ") + (env[0] == 'd' ? "1" : "3") + "\n");
    }
  }

  test_support::TempRepository repo_{"parallel"};
  const fs::path& dir_ = repo_.dir();
};

TEST_F(ParallelCheckTest, ManyThreadsReportWhatOneThreadReports) {
  writeStacks(12);
  CheckResult one = check(1);
  ASSERT_NE(one.exit_code, 2) << one.error;
  // Every stack's three roots and the shared root's environments.
  EXPECT_GE(one.report.summary.environments, 12u * 4);
  EXPECT_GT(one.report.findings.size(), 12u * 3);
  std::string expected = json(one);
  for (unsigned jobs : {2u, 4u, 7u}) {
    CheckResult many = check(jobs);
    EXPECT_EQ(many.exit_code, one.exit_code) << "-j " << jobs;
    EXPECT_EQ(json(many), expected) << "-j " << jobs;
  }
}

TEST_F(ParallelCheckTest, EveryRuleFixtureTreeTogetherIsTheSameOnEveryThreadCount) {
  // The rule fixtures: every rule, cross-environment ones included, with
  // their provenance, suppressions and undecided checks.
  fs::copy(fs::path(TFGUARD_TESTDATA) / "rules", dir_ / "rules", fs::copy_options::recursive);
  CheckResult one = check(1);
  ASSERT_NE(one.exit_code, 2) << one.error;
  EXPECT_GT(one.report.summary.environments, 20u);
  std::string expected = json(one);
  CheckResult many = check(4);
  EXPECT_EQ(json(many), expected);
}

}  // namespace
}  // namespace tfguard::engine

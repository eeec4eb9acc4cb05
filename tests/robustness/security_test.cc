// Security properties of a check (issue 7, part 4): file functions never read
// outside the scanned tree (relative escapes, absolute paths, symlinks inside
// the tree pointing out) and say so; nothing from the repository is ever
// executed; secrets never appear in any output format.
#include <sstream>

#include "report/report.h"
#include "robustness_fixture.h"

namespace tfguard::robustness {
namespace {

// A file outside the scanned tree whose contents must never show up.
class OutsideFile : public HostileTree {
 protected:
  void SetUp() override {
    HostileTree::SetUp();
    outside_dir_ = fs::temp_directory_path() / ("tfguard-outside-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(outside_dir_);
    fs::create_directories(outside_dir_);
    std::ofstream(outside_dir_ / "secret.txt") << kOutsideText;
    std::ofstream(outside_dir_ / "secret.tftpl") << kOutsideText;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(outside_dir_, ec);
    HostileTree::TearDown();
  }
  static std::string allOutputs(const engine::CheckResult& r) {
    std::string all;
    for (std::string_view format : report::printerFormats()) {
      std::ostringstream out;
      report::makePrinter(format, {})->print(r.report, out);
      all += out.str();
    }
    return all;
  }

  static constexpr std::string_view kOutsideText = "OUTSIDE-THE-TREE-7f3a9c";
  fs::path outside_dir_;
};

TEST_F(OutsideFile, FileFunctionsStayInsideTheTree) {
  const std::string abs = (outside_dir_ / "secret.txt").string();
  const std::string rel = fs::relative(outside_dir_ / "secret.txt", dir_ / "hostile").string();
  write("hostile/main.tf",
        "output \"relative\" {\n  value = file(\"" + rel + "\")\n}\n"
        "output \"passwd\" {\n  value = file(\"../../../../../../../../etc/passwd\")\n}\n"
        "output \"absolute\" {\n  value = file(\"" + abs + "\")\n}\n"
        "output \"template\" {\n  value = templatefile(\"" + (outside_dir_ / "secret.tftpl").string() + "\", {})\n}\n"
        "output \"hash\" {\n  value = filesha256(\"" + abs + "\")\n}\n"
        "output \"listing\" {\n  value = fileset(\"" + outside_dir_.string() + "\", \"*\")\n}\n"
        "output \"exists\" {\n  value = fileexists(\"" + abs + "\")\n}\n");
  auto r = check();
  size_t outside = 0;
  for (const Finding* f : findingsIn(r, "hostile/main.tf"))
    if (f->rule == "eval-error" && f->detail.find("outside the scanned tree") != std::string::npos) ++outside;
  EXPECT_GE(outside, 5u) << describe(r);
  const std::string out = allOutputs(r);
  EXPECT_EQ(out.find(kOutsideText), std::string::npos);
  EXPECT_EQ(out.find("root:x:0:0"), std::string::npos);
  expectSentinel(r);
}

// A symlink inside the tree that points out of it is no way around the
// confinement: reads follow it only when its target is inside.
TEST_F(OutsideFile, SymlinksOutOfTheTreeAreNotFollowed) {
  fs::create_directories(dir_ / "hostile");
  fs::create_symlink(outside_dir_ / "secret.txt", dir_ / "hostile/link.txt");
  fs::create_symlink(outside_dir_ / "secret.tftpl", dir_ / "hostile/link.tftpl");
  fs::create_directory_symlink(outside_dir_, dir_ / "hostile/outdir");
  write("hostile/inside.txt", "inside-ok");
  fs::create_symlink("inside.txt", dir_ / "hostile/inside-link.txt");
  write("hostile/main.tf",
        "output \"file\" {\n  value = file(\"${path.module}/link.txt\")\n}\n"
        "output \"template\" {\n  value = templatefile(\"${path.module}/link.tftpl\", {})\n}\n"
        "output \"through_dir\" {\n  value = file(\"${path.module}/outdir/secret.txt\")\n}\n"
        "output \"listing\" {\n  value = fileset(\"${path.module}/outdir\", \"*\")\n}\n"
        "output \"inside\" {\n  value = file(\"${path.module}/inside-link.txt\") == \"inside-ok\" ? tonumber(\"x\") : 1\n}\n");
  auto r = check();
  size_t outside = 0;
  for (const Finding* f : findingsIn(r, "hostile/main.tf"))
    if (f->rule == "eval-error" && f->detail.find("outside the scanned tree") != std::string::npos) ++outside;
  EXPECT_GE(outside, 3u) << describe(r);
  // The symlink that stays inside is followed (its content is compared).
  EXPECT_TRUE(hasFinding(r, "eval-error", "hostile/main.tf", "Invalid value for \"v\" parameter")) << describe(r);
  const std::string out = allOutputs(r);
  EXPECT_EQ(out.find(kOutsideText), std::string::npos);
  expectSentinel(r);
}

// The external data source, local-exec provisioners and user_data are data
// to tfguard: nothing is run.
TEST_F(OutsideFile, NothingIsExecuted) {
  const fs::path marker = outside_dir_ / "executed";
  write("hostile/main.tf",
        "data \"external\" \"x\" {\n  program = [\"sh\", \"-c\", \"touch " + marker.string() + "; echo {}\"]\n}\n"
        "resource \"null_resource\" \"y\" {\n  provisioner \"local-exec\" {\n    command = \"touch " + marker.string() +
        "\"\n  }\n}\n"
        "resource \"aws_instance\" \"z\" {\n  ami = \"ami-12345678\"\n  instance_type = \"t3.micro\"\n"
        "  user_data = \"#!/bin/sh\\ntouch " + marker.string() + "\\n\"\n}\n"
        "output \"o\" {\n  value = data.external.x.result\n}\n");
  auto r = check();
  EXPECT_FALSE(fs::exists(marker)) << "tfguard executed a program from the scanned tree";
  expectSentinel(r);
}

// A sensitive variable's value flowing into a finding, and a hardcoded
// secret: neither appears in any output format.
TEST_F(OutsideFile, SecretsAreMaskedInEveryFormat) {
  const std::string sensitive_value = "Zq8rT2vLp9Wx4SensitiveValue";
  const std::string hardcoded = "AKIAZ7QW3RTY5UIOPLKJ";
  const std::string hardcoded_password = "Xk29-vbq!Lm38-hardcoded";
  write("hostile/main.tf",
        "variable \"db_password\" {\n  type      = number\n  sensitive = true\n}\n"
        "variable \"instance_type\" {\n  type      = string\n  sensitive = true\n}\n"
        "resource \"aws_instance\" \"web\" {\n  ami           = \"ami-12345678\"\n"
        "  instance_type = var.instance_type\n  user_data     = \"PASSWORD=${var.instance_type}\"\n}\n"
        "resource \"aws_db_instance\" \"db\" {\n  password = \"" + hardcoded_password + "\"\n"
        "  username = \"admin\"\n  storage_encrypted = true\n}\n"
        "locals {\n  key = \"" + hardcoded + "\"\n"
        "  bad = tonumber(var.instance_type)\n  msg = \"${var.instance_type}\" == \"x\" ? 1 : tonumber(\"${var.instance_type}\")\n}\n"
        "output \"o\" {\n  value = [local.key, local.bad, local.msg]\n}\n");
  write("hostile/terraform.tfvars",
        "db_password   = \"" + sensitive_value + "\"\ninstance_type = \"" + sensitive_value + "\"\n");
  auto r = check();
  EXPECT_GE(findingsIn(r, "hostile/").size(), 3u) << describe(r);
  for (std::string_view format : report::printerFormats()) {
    std::ostringstream out;
    report::makePrinter(format, {})->print(r.report, out);
    const std::string text = out.str();
    EXPECT_FALSE(text.empty()) << format;
    for (const std::string& secret : {sensitive_value, hardcoded, hardcoded_password}) {
      size_t at = text.find(secret);
      EXPECT_EQ(at, std::string::npos) << "format " << format << " shows the secret " << secret << ":\n"
                                       << text.substr(at < 600 ? 0 : at - 600, 1200);
    }
  }
  expectSentinel(r);
}

}  // namespace
}  // namespace tfguard::robustness

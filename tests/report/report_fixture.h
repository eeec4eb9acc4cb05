#pragma once
// A hand-made Report for the printer tests: source files in memory, findings
// covering a multi-line range, related notes, tabs, multi-byte text, a CRLF
// line, a range at the end of a line, a finding without a file, a
// suppressed finding and an undecided check.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "report/report.h"

namespace tfguard::report::testing {

inline std::shared_ptr<const SourceFile> file(std::string path, std::string text) {
  return std::make_shared<const SourceFile>(std::move(path), std::move(text));
}

// The range of the n-th (0-based) occurrence of `needle` in the file.
inline Location at(const std::shared_ptr<const SourceFile>& f, std::string_view needle, size_t length = 0,
                   int nth = 0) {
  size_t pos = f->text().find(needle);
  while (nth-- > 0 && pos != std::string_view::npos) pos = f->text().find(needle, pos + 1);
  EXPECT_NE(pos, std::string_view::npos) << needle;
  if (pos == std::string_view::npos) pos = 0;
  const auto begin = static_cast<uint32_t>(pos);
  return {f, {begin, begin + static_cast<uint32_t>(length == 0 ? needle.size() : length)}};
}

inline Report sampleReport() {
  auto main_tf = file("terraform/modules/signaling-server/main.tf",
                      "resource \"aws_security_group\" \"signaling\" {\n"
                      "  name = \"signaling\"\n"
                      "  ingress {\n"
                      "    from_port   = 22\n"
                      "    cidr_blocks = [var.admin_cidr]\n"
                      "  }\n"
                      "}\n");
  auto tfvars = file("terraform/environments/production/terraform.tfvars", "\nregion = \"eu-west-1\"\n\nadmin_cidr = \"0.0.0.0/0\"\n");
  auto tabs = file("tabs dir/tabs.tf", "locals {\n\tname\t= \"x\"\t# why\n}\n");
  auto unicode = file("unicode.tf", "description = \"héllo 世界 ✓\"\r\nport = 80\r\n");

  Report report;
  report.tool_version = "0.1.0";
  report.source_root = "/work/src root";
  report.information_uri = "https://example.com/tfguard";
  report.rules = {
      {"ssh-admin-cidr", "SSH is open to the world", "Security groups must not open port 22 to `0.0.0.0/0`.",
       Severity::kError, {"security", "network"}, "8.0", "https://example.com/tfguard/docs/rules/ssh-admin-cidr.md"},
      {"tab-indent", "Indentation uses tabs", "", Severity::kWarning, {"style"}, "", "docs/rules/tab-indent.md"},
      {"unicode-description", "Non-ASCII description", "Descriptions should be ASCII.", Severity::kNote, {}, "", ""},
  };

  Finding ssh;
  ssh.rule = "ssh-admin-cidr";
  ssh.severity = Severity::kError;
  ssh.summary = "SSH (22/tcp) is open to 0.0.0.0/0";
  ssh.detail = "The ingress rule allows 0.0.0.0/0 on port 22. Restrict it to the admin network.";
  ssh.location = {main_tf, {static_cast<uint32_t>(main_tf->text().find("ingress")),
                            static_cast<uint32_t>(main_tf->text().rfind("  }") + 3)}};
  ssh.related = {{at(tfvars, "admin_cidr"), "value set here"}};
  ssh.environment = "production";
  ssh.resource = "module.signaling.aws_security_group.signaling";
  ssh.attribute_path = "ingress[0]";
  ssh.fingerprint = "3f2a9c";

  Finding tab;
  tab.rule = "tab-indent";
  tab.severity = Severity::kWarning;
  tab.summary = "Indentation uses tabs, values \"quoted\" & <angled>, commas: yes";
  tab.location = at(tabs, "\"x\"");
  tab.fingerprint = "77aa01";

  Finding uni;
  uni.rule = "unicode-description";
  uni.severity = Severity::kNote;
  uni.summary = "Description contains 世界";
  uni.location = at(unicode, "世界");
  uni.environment = "dev";
  uni.fingerprint = "b0b0b0";

  Finding eol;  // a range at the end of a CRLF line
  eol.rule = "unicode-description";
  eol.severity = Severity::kNote;
  eol.summary = "Missing newline\nafter value";
  eol.location = at(unicode, "\r\nport", 0);
  eol.location.range.end = eol.location.range.begin;
  eol.environment = "dev";

  Finding nofile;
  nofile.rule = "eval-error";
  nofile.severity = Severity::kError;
  nofile.summary = "Variable \"region\" set with --var is not declared";
  nofile.related = {{Location{}, "set on the command line"}};
  nofile.environment = "production";

  Finding suppressed = tab;
  suppressed.summary = "Indentation uses tabs (suppressed)";
  suppressed.location = at(tabs, "name");
  suppressed.suppressed = true;
  suppressed.suppression_reason = "generated file";
  suppressed.fingerprint = "77aa02";

  report.findings = {nofile, tab, suppressed, ssh, uni, eol};

  Finding undecided;
  undecided.rule = "ssh-admin-cidr";
  undecided.severity = Severity::kError;
  undecided.summary = "Could not decide whether SSH is open: cidr_blocks is unknown";
  undecided.location = at(main_tf, "cidr_blocks");
  undecided.environment = "dev";
  report.undecided = {undecided};

  report.summary = {.files = 41, .environments = 2, .errors = 2, .warnings = 1, .notes = 2,
                    .suppressed = 1, .undecided = 1, .duration_ms = 12.4};
  return report;
}

inline std::string render(std::string_view format, const Report& report, PrintOptions options = {}) {
  auto printer = makePrinter(format, options);
  EXPECT_NE(printer, nullptr) << format;
  if (printer == nullptr) return {};
  std::ostringstream out;
  printer->print(report, out);
  return out.str();
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Compares with testdata/report/<name>; TFGUARD_UPDATE_GOLDENS=1 rewrites it.
inline void expectGolden(const std::string& name, const std::string& actual) {
  const std::filesystem::path golden = std::filesystem::path(TFGUARD_TESTDATA) / "report" / name;
  if (std::getenv("TFGUARD_UPDATE_GOLDENS") != nullptr) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing; run with TFGUARD_UPDATE_GOLDENS=1";
  EXPECT_EQ(actual, readFile(golden)) << golden << " differs; run with TFGUARD_UPDATE_GOLDENS=1 and review the diff";
}

}  // namespace tfguard::report::testing

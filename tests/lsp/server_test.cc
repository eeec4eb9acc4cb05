// Scripted sessions against the language server (in process): lifecycle,
// malformed input, diagnostics across environments, debounce, out-of-order
// notifications, cancellation, hover and the suppression quick fix.
#include "lsp/server.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "lsp_session.h"

namespace tfguard::lsp::testing {
namespace {

using Strings = std::vector<std::string>;

const char kModule[] = "modules/web/main.tf";
const char kProduction[] = "environments/production/main.tf";
const char kDev[] = "environments/dev/main.tf";
const std::string kSsh = "ssh-admin-cidr 18:4-18:31 SSH (22/tcp) is open to 0.0.0.0/0; allowed admin CIDRs: 198.51.100.0/24";

json errorOf(const json& response) { return response.value("error", json::object()); }

TEST(LspLifecycle, InitializeNegotiatesThePositionEncoding) {
  LspSession plain;
  json r = plain.initialize();
  EXPECT_EQ(r["result"]["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_EQ(r["result"]["capabilities"]["textDocumentSync"]["change"], 2);
  EXPECT_EQ(r["result"]["capabilities"]["textDocumentSync"]["save"]["includeText"], false);
  EXPECT_EQ(r["result"]["capabilities"]["hoverProvider"], true);
  EXPECT_EQ(r["result"]["capabilities"]["codeActionProvider"]["codeActionKinds"], json({"quickfix"}));
  EXPECT_EQ(r["result"]["serverInfo"]["name"], "tfguard");

  LspSession utf8;
  r = utf8.initialize({}, {{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}});
  EXPECT_EQ(r["result"]["capabilities"]["positionEncoding"], "utf-8");
  EXPECT_EQ(utf8.server().encoding(), PositionEncoding::kUtf8);
  LspSession utf32;
  r = utf32.initialize({}, {{"general", {{"positionEncodings", {"utf-32"}}}}});
  EXPECT_EQ(r["result"]["capabilities"]["positionEncoding"], "utf-16");
}

TEST(LspLifecycle, RequestsBeforeInitializeAndUnknownMethods) {
  LspSession s;
  EXPECT_EQ(errorOf(s.request("textDocument/hover", json::object()))["code"], -32002);
  s.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///x.tf"}, {"text", ""}}}});
  s.initialize();
  EXPECT_EQ(errorOf(s.request("initialize", {{"capabilities", json::object()}}))["code"], -32600);
  EXPECT_EQ(errorOf(s.request("workspace/symbol", json::object()))["code"], -32601);
  EXPECT_EQ(errorOf(s.request("textDocument/hover", {{"position", 3}}))["code"], -32602);
  s.take();
  s.notify("workspace/didChangeConfiguration", json::object());
  s.notify("$/setTrace", {{"value", "off"}});
  EXPECT_TRUE(s.received().empty());
}

TEST(LspLifecycle, ShutdownThenExitIsZero) {
  LspSession s;
  s.initialize();
  EXPECT_TRUE(s.request("shutdown", nullptr)["result"].is_null());
  EXPECT_EQ(errorOf(s.request("textDocument/hover", json::object()))["code"], -32600);
  EXPECT_FALSE(s.server().exitRequested());
  s.notify("exit", nullptr);
  EXPECT_TRUE(s.server().exitRequested());
  EXPECT_EQ(s.server().exitCode(), 0);
}

TEST(LspLifecycle, ExitWithoutShutdownIsOne) {
  LspSession s;
  s.initialize();
  s.notify("exit", nullptr);
  EXPECT_TRUE(s.server().exitRequested());
  EXPECT_EQ(s.server().exitCode(), 1);
}

TEST(LspMalformed, BrokenJsonIsAParseErrorAndTheServerKeepsWorking) {
  LspSession s;
  s.initialize();
  s.take();
  s.sendBytes("Content-Length: 9\r\n\r\n{\"id\": 1,");
  s.sendBytes("Content-Length: x\r\n\r\n{}");
  s.sendBytes(encodeMessage({{"jsonrpc", "2.0"}, {"id", 7}, {"method", 5}}));
  s.sendBytes(encodeMessage(json::array({1, 2})));
  std::vector<json> got = s.take();
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0]["error"]["code"], -32700);
  EXPECT_TRUE(got[0]["id"].is_null());
  EXPECT_EQ(got[1]["error"]["code"], -32700);
  EXPECT_EQ(got[2]["error"]["code"], -32600);
  EXPECT_EQ(got[2]["id"], 7);
  EXPECT_EQ(got[3]["error"]["code"], -32600);
  EXPECT_TRUE(s.request("shutdown", nullptr).contains("result"));
}

TEST(LspMalformed, CancelledRequestGetsRequestCancelled) {
  LspSession s;
  s.initialize();
  s.take();
  json hover = {{"jsonrpc", "2.0"}, {"id", 41}, {"method", "textDocument/hover"},
                {"params", {{"textDocument", {{"uri", "file:///nowhere.tf"}}}, {"position", {{"line", 0}, {"character", 0}}}}}};
  json cancel = {{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 41}}}};
  s.sendBytes(encodeMessage(hover) + encodeMessage(cancel));  // arrive together
  std::vector<json> got = s.take();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["id"], 41);
  EXPECT_EQ(got[0]["error"]["code"], -32800);
  // A cancellation of something already answered is ignored.
  s.notify("$/cancelRequest", {{"id", 41}});
  EXPECT_TRUE(s.received().empty());
}

class LspWorkspaceTest : public ::testing::Test {
 protected:
  LspWorkspaceTest() : ws_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {}
  void openFile(LspSession& s, const std::string& rel) { s.open(ws_.uri(rel), ws_.read(rel)); }
  WorkspaceCopy ws_;
};

TEST_F(LspWorkspaceTest, OpeningAModuleFilePublishesItsFindings) {
  LspSession s;
  s.initialize({{"debounceMs", 0}}, json::object(), uriFromPath(ws_.dir()));
  openFile(s, kModule);
  json d = s.lastPublished(ws_.uri(kModule));
  EXPECT_EQ(describe(d), Strings{kSsh + " [dev]"});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["severity"], 2);
  EXPECT_EQ(d[0]["source"], "tfguard");
  EXPECT_EQ(d[0]["codeDescription"]["href"], "https://github.com/tfguard/tfguard/blob/main/docs/rules/ssh-admin-cidr.md");
  Strings related;
  for (const json& r : d[0]["relatedInformation"])
    related.push_back(r["location"]["uri"].get<std::string>() + ":" + std::to_string(r["location"]["range"]["start"]["line"].get<int>()) + " " + r["message"].get<std::string>());
  EXPECT_EQ(related, (Strings{ws_.uri("environments/dev/terraform.tfvars") + ":0 value set here",
                              ws_.uri(kDev) + ":8 module argument ssh_cidrs of module.web"}));
}

TEST_F(LspWorkspaceTest, AModuleEditUpdatesTheEnvironmentFilesThatUseIt) {
  LspSession s;
  s.initialize();  // no root: the file's git root is the workspace
  openFile(s, kModule);
  openFile(s, kProduction);
  openFile(s, kDev);
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kModule))), Strings{kSsh + " [dev]"});
  EXPECT_TRUE(s.lastPublished(ws_.uri(kProduction)).empty());
  s.take();
  // A new required variable in the module: every caller misses it.
  s.change(ws_.uri(kModule), 2,
           {{{"range", {{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 0}}}}},
             {"text", "variable \"port\" {\n  type = number\n}\n\n"}}});
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kProduction))),
            Strings{"missing-required-variable 5:0-5:12 Missing required argument [production]"});
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kDev))),
            Strings{"missing-required-variable 5:0-5:12 Missing required argument [dev]"});
  Strings module = describe(s.lastPublished(ws_.uri(kModule)));
  EXPECT_EQ(module, (Strings{"unused-declaration 1:0-1:15 variable \"port\" is declared but never used",
                             "ssh-admin-cidr 22:4-22:31 SSH (22/tcp) is open to 0.0.0.0/0; allowed admin CIDRs: "
                             "198.51.100.0/24 [dev]"}));
  // SSH open to the world in the module itself: one diagnostic for both environments.
  s.take();
  s.change(ws_.uri(kModule), 3,
           {{{"range", {{"start", {{"line", 22}, {"character", 18}}}, {"end", {{"line", 22}, {"character", 31}}}}},
             {"text", "[\"0.0.0.0/0\"]"}}});
  module = describe(s.lastPublished(ws_.uri(kModule)));
  ASSERT_EQ(module.size(), 3u);
  EXPECT_EQ(module[1], "unused-declaration 9:0-9:20 variable \"ssh_cidrs\" is declared but never used");
  EXPECT_EQ(module[2], "ssh-admin-cidr 22:4-22:31 SSH (22/tcp) is open to 0.0.0.0/0; allowed admin CIDRs: "
                       "198.51.100.0/24 [dev, production]");
  // Undo everything: the environment files are clean again.
  s.take();
  s.change(ws_.uri(kModule), 4, {{{"text", ws_.read(kModule)}}});
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kModule))), Strings{kSsh + " [dev]"});
  EXPECT_EQ(s.lastPublished(ws_.uri(kProduction)), json::array());
  EXPECT_EQ(s.lastPublished(ws_.uri(kDev)), json::array());
}

TEST_F(LspWorkspaceTest, AModuleEditKeepsTheEnvironmentsOtherFindings) {
  // dev's root has a bucket of its own (no versioning). A module edit
  // re-checks dev only in the module's part: the bucket's finding, outside
  // that part, stays shown.
  ws_.write(kDev, ws_.read(kDev) + "\nresource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"dev-logs\"\n}\n");
  LspSession s;
  s.initialize({{"debounceMs", 0}}, json::object(), uriFromPath(ws_.dir()));
  openFile(s, kModule);
  openFile(s, kDev);
  auto buckets = [](const Strings& diagnostics) {
    return std::count_if(diagnostics.begin(), diagnostics.end(),
                         [](const std::string& d) { return d.starts_with("s3-versioning ") && d.ends_with("[dev]"); });
  };
  Strings before = describe(s.lastPublished(ws_.uri(kDev)));
  ASSERT_EQ(buckets(before), 1) << ::testing::PrintToString(before);
  s.take();
  // A new required variable in the module: dev misses it, and keeps the rest.
  s.change(ws_.uri(kModule), 2,
           {{{"range", {{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 0}}}}},
             {"text", "variable \"port\" {\n  type = number\n}\n\n"}}});
  Strings after = describe(s.lastPublished(ws_.uri(kDev)));
  EXPECT_EQ(buckets(after), 1) << ::testing::PrintToString(after);
  EXPECT_EQ(after.size(), before.size() + 1) << ::testing::PrintToString(after);
  EXPECT_NE(std::find(after.begin(), after.end(), "missing-required-variable 5:0-5:12 Missing required argument [dev]"),
            after.end())
      << ::testing::PrintToString(after);
}

TEST_F(LspWorkspaceTest, TfvarsEditMovesTheFindingToAnotherEnvironment) {
  LspSession s;
  s.initialize();
  openFile(s, kModule);
  s.open(ws_.uri("environments/production/terraform.tfvars"), "ssh_cidrs = [\"0.0.0.0/0\"]\n");
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kModule))), Strings{kSsh + " [dev, production]"});
  s.take();
  s.notify("textDocument/didClose", {{"textDocument", {{"uri", ws_.uri("environments/production/terraform.tfvars")}}}});
  EXPECT_EQ(s.lastPublished(ws_.uri("environments/production/terraform.tfvars")), json::array());
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kModule))), Strings{kSsh + " [dev]"});
}

TEST_F(LspWorkspaceTest, ChangesAreDebounced) {
  LspSession s;
  s.initialize({{"debounceMs", 200}});
  openFile(s, kModule);  // didOpen checks right away
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kModule))), Strings{kSsh + " [dev]"});
  s.take();
  s.change(ws_.uri(kModule), 2, {{{"text", "resource {"}}});
  EXPECT_TRUE(s.received().empty());
  ASSERT_TRUE(s.server().nextDeadline());
  EXPECT_EQ(*s.server().nextDeadline() - s.now(), std::chrono::milliseconds(200));
  s.now() += std::chrono::milliseconds(150);
  s.change(ws_.uri(kModule), 3, {{{"text", "resource {\n"}}});  // typing postpones the check
  s.server().runDue(s.now() + std::chrono::milliseconds(100));
  EXPECT_TRUE(s.received().empty());
  s.server().runDue(s.now() + std::chrono::milliseconds(200));
  Strings got = describe(s.lastPublished(ws_.uri(kModule)));
  EXPECT_NE(std::find(got.begin(), got.end(), "syntax 0:9-0:10 Unclosed configuration block"), got.end());
  EXPECT_FALSE(s.server().nextDeadline());
}

TEST_F(LspWorkspaceTest, OutOfOrderNotificationsAreIgnored) {
  LspSession s;
  s.initialize();
  s.take();
  s.change(ws_.uri(kModule), 2, {{{"text", "x"}}});  // never opened
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", "untitled:1"}}}});
  s.notify("textDocument/didOpen", {{"textDocument", {{"uri", 5}}}});
  EXPECT_EQ(s.take().size(), 0u);
  openFile(s, kModule);
  s.take();
  s.notify("textDocument/didClose", {{"textDocument", {{"uri", ws_.uri(kModule)}}}});
  EXPECT_EQ(s.lastPublished(ws_.uri(kModule)), json::array());
  s.take();
  s.notify("textDocument/didClose", {{"textDocument", {{"uri", ws_.uri(kModule)}}}});
  EXPECT_TRUE(s.received().empty());
  EXPECT_TRUE(s.request("shutdown", nullptr).contains("result"));
}

TEST_F(LspWorkspaceTest, RangesAreInUtf16UnlessUtf8WasNegotiated) {
  std::string text = ws_.read(kModule);
  const std::string attribute = "    cidr_blocks = var.ssh_cidrs";
  text.replace(text.find(attribute), attribute.size(), "    /* é😀 */ cidr_blocks = var.ssh_cidrs");
  for (bool utf8 : {false, true}) {
    LspSession s;
    s.initialize({{"debounceMs", 0}}, utf8 ? json{{"general", {{"positionEncodings", {"utf-8"}}}}} : json::object());
    s.open(ws_.uri(kModule), text);
    json d = s.lastPublished(ws_.uri(kModule));
    ASSERT_EQ(d.size(), 1u);
    // "    /* " 7, é (2 bytes, 1 unit), 😀 (4 bytes, 2 units), " */ " 4.
    int start = utf8 ? 17 : 14;
    EXPECT_EQ(d[0]["range"]["start"], (json{{"line", 18}, {"character", start}}));
    EXPECT_EQ(d[0]["range"]["end"], (json{{"line", 18}, {"character", start + 27}}));
    // Hover at the finding's first character, in the same encoding.
    json h = s.request("textDocument/hover", {{"textDocument", {{"uri", ws_.uri(kModule)}}},
                                              {"position", {{"line", 18}, {"character", start}}}});
    ASSERT_TRUE(h["result"].is_object());
    EXPECT_EQ(h["result"]["range"], d[0]["range"]);
    json miss = s.request("textDocument/hover", {{"textDocument", {{"uri", ws_.uri(kModule)}}},
                                                 {"position", {{"line", 18}, {"character", start - 1}}}});
    EXPECT_TRUE(miss["result"].is_null());
  }
}

TEST_F(LspWorkspaceTest, HoverShowsTheFindingAndTheRuleDocumentation) {
  LspSession s;
  s.initialize();
  openFile(s, kModule);
  json h = s.request("textDocument/hover", {{"textDocument", {{"uri", ws_.uri(kModule)}}},
                                            {"position", {{"line", 18}, {"character", 10}}}});
  ASSERT_TRUE(h["result"].is_object());
  EXPECT_EQ(h["result"]["contents"]["kind"], "markdown");
  std::string value = h["result"]["contents"]["value"];
  EXPECT_NE(value.find("**SSH (22/tcp) is open to 0.0.0.0/0"), std::string::npos) << value;
  EXPECT_NE(value.find("(`ssh-admin-cidr`) in dev"), std::string::npos) << value;
  EXPECT_NE(value.find("Restrict the source"), std::string::npos) << value;  // the detail
  EXPECT_NE(value.find("# ssh-admin-cidr"), std::string::npos) << value;    // the rule's page
  EXPECT_NE(value.find("## What fails"), std::string::npos) << value;
}

TEST_F(LspWorkspaceTest, TheQuickFixInsertsASuppressionThatSuppresses) {
  LspSession s;
  s.initialize();
  openFile(s, kModule);
  json diagnostics = s.lastPublished(ws_.uri(kModule));
  ASSERT_EQ(diagnostics.size(), 1u);
  json r = s.request("textDocument/codeAction", {{"textDocument", {{"uri", ws_.uri(kModule)}}},
                                                 {"range", diagnostics[0]["range"]},
                                                 {"context", {{"diagnostics", diagnostics}}}});
  json actions = r["result"];
  // One for every environment, one for dev only (the finding is dev's alone).
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[0]["title"], "Suppress ssh-admin-cidr here (# tfguard:ignore)");
  EXPECT_EQ(actions[0]["diagnostics"][0]["code"], "ssh-admin-cidr");
  json edits = actions[0]["edit"]["changes"][ws_.uri(kModule)];
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0]["newText"], "    # tfguard:ignore ssh-admin-cidr\n");
  EXPECT_EQ(edits[0]["range"]["start"], (json{{"line", 18}, {"character", 0}}));
  EXPECT_EQ(actions[1]["edit"]["changes"][ws_.uri(kModule)][0]["newText"],
            "    # tfguard:ignore ssh-admin-cidr env:dev\n");
  // Applying it (as the editor does) suppresses the finding, and nothing
  // reports the comment as unused.
  s.take();
  s.change(ws_.uri(kModule), 2, {{{"range", edits[0]["range"]}, {"text", edits[0]["newText"]}}});
  EXPECT_EQ(s.lastPublished(ws_.uri(kModule)), json::array());
  // Nothing left to fix, and a kind filter without quickfix gets nothing.
  r = s.request("textDocument/codeAction", {{"textDocument", {{"uri", ws_.uri(kModule)}}},
                                            {"range", diagnostics[0]["range"]},
                                            {"context", {{"diagnostics", json::array()}}}});
  EXPECT_EQ(r["result"], json::array());
  r = s.request("textDocument/codeAction", {{"textDocument", {{"uri", ws_.uri(kModule)}}},
                                            {"range", diagnostics[0]["range"]},
                                            {"context", {{"diagnostics", json::array()}, {"only", {"refactor"}}}}});
  EXPECT_EQ(r["result"], json::array());
}

TEST_F(LspWorkspaceTest, NoQuickFixInsideAHeredoc) {
  // A finding on a line inside a heredoc: a comment there would be text.
  LspSession s;
  s.initialize();
  std::string text = ws_.read(kModule) +
                     "resource \"aws_instance\" \"x\" {\n  ami = \"ami-1\"\n  user_data = <<-EOT\n    #!/bin/bash\n"
                     "    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n  EOT\n}\n";
  s.open(ws_.uri(kModule), text);
  json diagnostics = s.lastPublished(ws_.uri(kModule));
  Strings codes;
  for (const json& d : diagnostics) codes.push_back(d["code"]);
  EXPECT_EQ(codes, (Strings{"ssh-admin-cidr", "ebs-encryption", "ec2-imdsv2", "ami-literal", "user-data-secret"}));
  int offered = 0;
  for (const json& d : diagnostics) {
    bool in_heredoc = d["code"] == "user-data-secret";
    int offered_before = offered;
    json r = s.request("textDocument/codeAction", {{"textDocument", {{"uri", ws_.uri(kModule)}}},
                                                   {"range", d["range"]},
                                                   {"context", {{"diagnostics", json::array({d})}}}});
    for (const json& a : r["result"]) {
      if (a["diagnostics"][0] != d) continue;  // for another finding at the same place
      ++offered;
      // Whatever is offered must really suppress the finding: apply and re-check.
      LspSession check;
      check.initialize();
      std::string edited = text;
      json e = a["edit"]["changes"][ws_.uri(kModule)][0];
      check.open(ws_.uri(kModule), edited);
      check.change(ws_.uri(kModule), 2, {{{"range", e["range"]}, {"text", e["newText"]}}});
      for (const json& after : check.lastPublished(ws_.uri(kModule)))
        EXPECT_FALSE(after["code"] == d["code"] && after["message"] == d["message"]) << a.dump();
    }
    if (in_heredoc) {
      EXPECT_EQ(offered, offered_before);
    }
  }
  EXPECT_EQ(offered, 2 + 3);  // ssh-admin-cidr: everywhere and dev only; the others once
}

TEST_F(LspWorkspaceTest, DocumentsOverTheLimitsAreNotChecked) {
  ServerOptions options = LspSession::defaultOptions();
  options.documents.max_documents = 1;
  options.documents.max_document_bytes = 4096;
  LspSession s(options);
  s.initialize();
  openFile(s, kModule);
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kModule))), Strings{kSsh + " [dev]"});
  s.take();
  openFile(s, kDev);  // one document too many
  std::vector<json> got = s.take();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["method"], "window/showMessage");
  // Grown over the size limit: dropped, its diagnostics cleared, the editor told.
  s.change(ws_.uri(kModule), 2, {{{"text", std::string(5000, '#')}}});
  got = s.take();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0]["method"], "window/showMessage");
  EXPECT_EQ(got[1]["params"]["diagnostics"], json::array());
  s.change(ws_.uri(kModule), 3, {{{"text", "x"}}});  // no longer open: ignored
  EXPECT_TRUE(s.take().empty());
}

TEST_F(LspWorkspaceTest, InvalidSettingsAreShownOnceAndTheLastDiagnosticsKept) {
  LspSession s;
  s.initialize();
  openFile(s, kModule);
  EXPECT_EQ(describe(s.lastPublished(ws_.uri(kModule))), Strings{kSsh + " [dev]"});
  ws_.write(".tfguard.hcl", "rule \"ssh-admin-cidr\" {\n  admin_cidrs = \n");
  s.take();
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", ws_.uri(".tfguard.hcl")}}}});
  std::vector<json> got = s.take();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["method"], "window/showMessage");
  EXPECT_EQ(got[0]["params"]["type"], 1);
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", ws_.uri(kModule)}}}});
  EXPECT_TRUE(s.take().empty());  // shown once
  ws_.write(".tfguard.hcl", "rule \"ssh-admin-cidr\" {\n  enabled = false\n}\n");
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", ws_.uri(".tfguard.hcl")}}}});
  EXPECT_EQ(s.lastPublished(ws_.uri(kModule)), json::array());
}

}  // namespace
}  // namespace tfguard::lsp::testing

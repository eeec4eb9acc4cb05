// Shell env files: every syntax parseEnvFile documents, with exact values,
// lines and byte ranges, and the findings for malformed lines.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "loader/environments.h"

namespace tfguard::loader {
namespace {

struct Parsed {
  std::vector<EnvFileEntry> entries;
  Findings findings;
};

Parsed parse(std::string_view text) {
  Parsed parsed;
  parsed.entries = parseEnvFile(text, nullptr, parsed.findings);
  return parsed;
}

/// NAME=value pairs, one a line, `~` marking dynamic values.
std::string pairs(const std::vector<EnvFileEntry>& entries) {
  std::string out;
  for (const EnvFileEntry& e : entries)
    out += e.name + "=" + e.value + (e.dynamic ? " ~" : "") + "\n";
  return out;
}

std::string_view slice(std::string_view text, ByteRange range) {
  return text.substr(range.begin, range.size());
}

TEST(EnvFileTest, PlainAndExported) {
  std::string_view text =
      "TF_VAR_region=us-east-1\n"
      "export TF_VAR_deptype=stage\n"
      "export\tAWS_PROFILE=agt\n"
      "  export   git_ref=main   \n";
  Parsed p = parse(text);
  EXPECT_EQ(pairs(p.entries),
            "TF_VAR_region=us-east-1\nTF_VAR_deptype=stage\nAWS_PROFILE=agt\ngit_ref=main\n");
  EXPECT_TRUE(p.findings.empty());
  ASSERT_EQ(p.entries.size(), 4u);
  EXPECT_TRUE(p.entries[0].is_tf_var);
  EXPECT_EQ(p.entries[0].tf_var(), "region");
  EXPECT_TRUE(p.entries[1].is_tf_var);
  EXPECT_EQ(p.entries[1].tf_var(), "deptype");
  EXPECT_FALSE(p.entries[2].is_tf_var);
  EXPECT_EQ(p.entries[2].tf_var(), "");
  for (uint32_t i = 0; i < 4; ++i) EXPECT_EQ(p.entries[i].line, i + 1);
  EXPECT_EQ(slice(text, p.entries[1].name_range), "TF_VAR_deptype");
  EXPECT_EQ(slice(text, p.entries[1].value_range), "stage");
  EXPECT_EQ(slice(text, p.entries[3].name_range), "git_ref");
  EXPECT_EQ(slice(text, p.entries[3].value_range), "main");
}

TEST(EnvFileTest, TfVarPrefixIsExact) {
  Parsed p = parse("TF_VAR_=x\ntf_var_a=1\nTF_VARx=2\nTF_VAR_a_b=3\n");
  ASSERT_EQ(p.entries.size(), 4u);
  EXPECT_FALSE(p.entries[0].is_tf_var);  // no variable name after the prefix
  EXPECT_FALSE(p.entries[1].is_tf_var);
  EXPECT_FALSE(p.entries[2].is_tf_var);
  EXPECT_TRUE(p.entries[3].is_tf_var);
  EXPECT_EQ(p.entries[3].tf_var(), "a_b");
}

TEST(EnvFileTest, Quotes) {
  std::string_view text =
      "A=\"hello world\"\n"
      "B='single $HOME \\n \"x\"'\n"
      "C=\"esc \\\" \\\\ \\$ \\` \\n \\a\"\n"
      "D=pre\"mid\"'post'\n"
      "E=\"\"\n"
      "F=''\n"
      "G=\n"
      "H=it\\'s\\ ok\n";
  Parsed p = parse(text);
  EXPECT_EQ(pairs(p.entries),
            "A=hello world\n"
            "B=single $HOME \\n \"x\"\n"
            "C=esc \" \\ $ ` \\n \\a\n"
            "D=premidpost\n"
            "E=\n"
            "F=\n"
            "G=\n"
            "H=it's ok\n");
  EXPECT_TRUE(p.findings.empty());
  EXPECT_EQ(slice(text, p.entries[0].value_range), "\"hello world\"");
  EXPECT_EQ(slice(text, p.entries[3].value_range), "pre\"mid\"'post'");
  EXPECT_TRUE(p.entries[6].value_range.empty());
  EXPECT_EQ(p.entries[6].value_range.begin, text.find("G=") + 2);
}

TEST(EnvFileTest, AnsiCQuotes) {
  Parsed p = parse("A=$'a\\tb\\nc\\'d\\x41\\101\\q'\n");
  EXPECT_EQ(pairs(p.entries), "A=a\tb\nc'dAA\\q\n");
}

TEST(EnvFileTest, HclValuesInQuotes) {
  // List and map values, as Terraform reads them for non-string variables.
  Parsed p = parse(
      "export TF_VAR_cidrs='[\"198.51.100.0/24\", \"203.0.113.10/32\"]'\n"
      "export TF_VAR_tags='{ team = \"platform\" }'\n");
  EXPECT_EQ(pairs(p.entries),
            "TF_VAR_cidrs=[\"198.51.100.0/24\", \"203.0.113.10/32\"]\n"
            "TF_VAR_tags={ team = \"platform\" }\n");
}

TEST(EnvFileTest, Comments) {
  std::string_view text =
      "# a comment\n"
      "   # indented comment\n"
      "A=1 # trailing\n"
      "B=x#not-a-comment\n"
      "C=\"#inside\" #outside\n"
      "D=#start\n"
      "#E=commented-out\n"
      "export F=2# joined\n";
  Parsed p = parse(text);
  EXPECT_EQ(pairs(p.entries), "A=1\nB=x#not-a-comment\nC=#inside\nD=#start\nF=2#\n");
  // "F=2# joined": `joined` is a separate word after the value, so the line
  // is `export F=2# joined`, which exports F and names `joined`.
  ASSERT_EQ(p.entries.size(), 5u);
  EXPECT_EQ(p.entries[0].line, 3u);
  EXPECT_EQ(p.entries[4].line, 8u);
  EXPECT_EQ(slice(text, p.entries[0].value_range), "1");
  EXPECT_EQ(slice(text, p.entries[2].value_range), "\"#inside\"");
}

TEST(EnvFileTest, BlankLinesAndCrlf) {
  std::string_view text = "\r\n\nA=1\r\nexport B=\"two\"\r\n\r\nC='x\r\ny'\r\nD=3";
  Parsed p = parse(text);
  EXPECT_EQ(pairs(p.entries), "A=1\nB=two\nC=x\ny\nD=3\n");
  ASSERT_EQ(p.entries.size(), 4u);
  EXPECT_EQ(p.entries[0].line, 3u);
  EXPECT_EQ(p.entries[1].line, 4u);
  EXPECT_EQ(p.entries[2].line, 6u);
  EXPECT_EQ(p.entries[3].line, 8u);
  EXPECT_EQ(slice(text, p.entries[0].value_range), "1");
  EXPECT_EQ(slice(text, p.entries[1].value_range), "\"two\"");
  EXPECT_EQ(slice(text, p.entries[3].value_range), "3");
}

TEST(EnvFileTest, ByteOrderMark) {
  std::string_view text =
      "\xEF\xBB\xBF"
      "A=1\n";
  Parsed p = parse(text);
  ASSERT_EQ(p.entries.size(), 1u);
  EXPECT_EQ(p.entries[0].name, "A");
  EXPECT_EQ(p.entries[0].name_range, (ByteRange{3, 4}));
}

TEST(EnvFileTest, LineContinuations) {
  std::string_view text = "A=one\\\ntwo\nB=\"x\\\ny\"\nexport \\\n  C=3\n";
  Parsed p = parse(text);
  EXPECT_EQ(pairs(p.entries), "A=onetwo\nB=xy\nC=3\n");
  ASSERT_EQ(p.entries.size(), 3u);
  EXPECT_EQ(p.entries[1].line, 3u);
  EXPECT_EQ(p.entries[2].line, 6u);
}

TEST(EnvFileTest, MultiLineQuotedValue) {
  std::string_view text = "KEY=\"-----BEGIN KEY-----\nabc\n-----END KEY-----\"\nNEXT=1\n";
  Parsed p = parse(text);
  EXPECT_EQ(pairs(p.entries), "KEY=-----BEGIN KEY-----\nabc\n-----END KEY-----\nNEXT=1\n");
  ASSERT_EQ(p.entries.size(), 2u);
  EXPECT_EQ(p.entries[1].line, 4u);
  EXPECT_EQ(slice(text, p.entries[0].value_range),
            "\"-----BEGIN KEY-----\nabc\n-----END KEY-----\"");
}

TEST(EnvFileTest, ExpansionOfEarlierAssignments) {
  Parsed p = parse(
      "name=dash\n"
      "export TF_VAR_a=$name-board\n"
      "TF_VAR_b=\"${name}_x\"\n"
      "TF_VAR_c='${name}'\n"
      "TF_VAR_d=${name:-fallback}\n"
      "empty=\n"
      "TF_VAR_e=${empty:-fallback}\n"
      "TF_VAR_f=${empty-fallback}\n"
      "name=again\n"
      "TF_VAR_g=$name\n"
      "TF_VAR_h=\\$name\n"
      "TF_VAR_i=cost$\n"
      "TF_VAR_j=\"$ 5\"\n");
  EXPECT_EQ(pairs(p.entries),
            "name=dash\n"
            "TF_VAR_a=dash-board\n"
            "TF_VAR_b=dash_x\n"
            "TF_VAR_c=${name}\n"
            "TF_VAR_d=dash\n"
            "empty=\n"
            "TF_VAR_e=fallback\n"
            "TF_VAR_f=\n"
            "name=again\n"
            "TF_VAR_g=again\n"
            "TF_VAR_h=$name\n"
            "TF_VAR_i=cost$\n"
            "TF_VAR_j=$ 5\n");
  EXPECT_TRUE(p.findings.empty());
}

TEST(EnvFileTest, DynamicValues) {
  Parsed p = parse(
      "A=$HOME/x\n"
      "B=\"${AWS_PROFILE}-state\"\n"
      "C=${REGION:-us-east-1}\n"
      "D=$(git rev-parse HEAD)\n"
      "E=\"`date +%s`\"\n"
      "F=$1\n"
      "G=${X%/api}\n"
      "H=\"$(echo \")\")\"\n"
      "I=plain\n");
  EXPECT_EQ(pairs(p.entries),
            "A=$HOME/x ~\n"
            "B=${AWS_PROFILE}-state ~\n"
            "C=us-east-1 ~\n"
            "D=$(git rev-parse HEAD) ~\n"
            "E=`date +%s` ~\n"
            "F=$1 ~\n"
            "G=${X%/api} ~\n"
            "H=$(echo \")\") ~\n"
            "I=plain\n");
  EXPECT_TRUE(p.findings.empty());
}

TEST(EnvFileTest, SeveralAssignmentsAndStatements) {
  Parsed p = parse(
      "A=1 B=$A\n"
      "export C=3 D E=5\n"
      "F=6; G=7 && H=8\n"
      "readonly I=9\n"
      "declare -x J=10\n");
  EXPECT_EQ(pairs(p.entries), "A=1\nB=1\nC=3\nE=5\nF=6\nG=7\nH=8\nI=9\nJ=10\n");
}

TEST(EnvFileTest, CommandsAreSkipped) {
  Parsed p = parse(
      "#!/bin/bash\n"
      "set -a\n"
      "source ./common.env\n"
      ". ./secrets\n"
      "echo \"deploying $X\"\n"
      "TMP=1 make deploy\n"
      "A=before\n"
      "A=after cmd\n"
      "B=$A\n"
      "if [ -z \"$X\" ]; then\n"
      "  X=fallback\n"
      "fi\n"
      "f() { Y=1; }\n"
      "NAME = spaced\n"
      "2BAD=x\n");
  // TMP and the second A only prefix a command; X inside `if` is assigned
  // as the shell would when the branch runs (a linter cannot tell).
  EXPECT_EQ(pairs(p.entries), "A=before\nB=before\nX=fallback\n");
  EXPECT_TRUE(p.findings.empty());
}

TEST(EnvFileTest, UnterminatedDoubleQuote) {
  std::string_view text = "A=1\nTF_VAR_b=\"open\nC=3\n";
  auto file = std::make_shared<const SourceFile>("deployments/env-stage", std::string(text));
  Findings findings;
  std::vector<EnvFileEntry> entries = parseEnvFile(text, file, findings);
  // The shell would read the rest of the file into the value; we report it
  // and go on with the next line.
  EXPECT_EQ(pairs(entries), "A=1\nC=3\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "invalid-config");
  EXPECT_EQ(findings[0].severity, Severity::kError);
  EXPECT_EQ(findings[0].summary, "Unterminated quote in env file");
  EXPECT_NE(findings[0].detail.find("`TF_VAR_b`"), std::string::npos);
  EXPECT_NE(findings[0].detail.find("double quote"), std::string::npos);
  EXPECT_EQ(findings[0].location.file, file);
  EXPECT_EQ(slice(text, findings[0].location.range), "\"open");
}

TEST(EnvFileTest, UnterminatedOtherQuotes) {
  for (std::string_view text : {"A='x\n", "A=$'x\n", "A=\"x\\\"\n", "A=`cmd\n", "A=$(cmd\n",
                                "A=${X\n", "echo 'x\nB=1\n", "A=\"x\r\nB=1\r\n"}) {
    Parsed p = parse(text);
    ASSERT_EQ(p.findings.size(), 1u) << text;
    EXPECT_EQ(p.findings[0].location.file, nullptr);
    ByteRange r = p.findings[0].location.range;
    EXPECT_LE(r.end, text.size()) << text;
    EXPECT_NE(text.substr(r.begin, r.size()).find_first_of("'\"`$"), std::string::npos) << text;
    EXPECT_EQ(text.substr(r.begin, r.size()).find('\n'), std::string::npos) << text;
    for (const EnvFileEntry& e : p.entries) EXPECT_NE(e.name, "A") << text;
  }
  EXPECT_EQ(pairs(parse("echo 'x\nB=1\n").entries), "B=1\n");
  EXPECT_EQ(pairs(parse("A=\"x\r\nB=1\r\n").entries), "B=1\n");
}

TEST(EnvFileTest, HostileInputNeverHangs) {
  for (std::string_view text :
       std::initializer_list<std::string_view>{"",
                                               "=",
                                               "==\n",
                                               "A",
                                               "export",
                                               "export\n",
                                               "\\",
                                               "A=\\",
                                               "$",
                                               "A=$",
                                               "A=${",
                                               "A=$(",
                                               "A=\"$(\"",
                                               "A=(1 2)",
                                               ";;;",
                                               "&&",
                                               "|",
                                               "A=1;",
                                               "<>()",
                                               "A=`",
                                               "\r",
                                               "\r\r\n",
                                               "export -n -x",
                                               "A=$'\\x'",
                                               "A=$'\\",
                                               std::string_view("A=\0b\n", 5)}) {
    Parsed p = parse(text);
    for (const EnvFileEntry& e : p.entries) {
      EXPECT_LE(e.name_range.end, text.size());
      EXPECT_LE(e.value_range.end, text.size());
      EXPECT_LE(e.name_range.end, e.value_range.begin);
    }
  }
  EXPECT_EQ(pairs(parse("A=$").entries), "A=$\n");
  EXPECT_EQ(pairs(parse("A=\\").entries), "A=\\\n");
  EXPECT_EQ(pairs(parse(std::string_view("A=\0b\n", 5)).entries), std::string("A=\0b\n", 5));
}

TEST(EnvFileTest, FixtureEnvStage) {
  std::ifstream in(
      std::string(TFGUARD_TESTDATA) + "/envs/tofu-env-files/terraform/deployments/env-stage",
      std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  Parsed p = parse(text.str());
  EXPECT_EQ(
      pairs(p.entries),
      "AWS_PROFILE=agt\n"
      "TF_VAR_deptype=stage\n"
      "TF_VAR_instance_type=t3.small\n"
      "TF_VAR_public_key=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleStageKeyOnly deploy@stage\n"
      "TF_VAR_allowed_ssh_cidrs=[\"0.0.0.0/0\"]\n"
      "git_ref=main\n"
      "background_color=#f5f0e6\n"
      "vite_api_base_url=https://stage.dashboard.example.com/api\n"
      "postgres_password=stage-only-password\n");
  EXPECT_TRUE(p.findings.empty());
  ASSERT_EQ(p.entries.size(), 9u);
  EXPECT_EQ(p.entries[1].line, 4u);
  EXPECT_EQ(slice(text.str(), p.entries[4].value_range), "'[\"0.0.0.0/0\"]'");
}

TEST(EnvFileTest, FixtureEnvProd) {
  std::ifstream in(
      std::string(TFGUARD_TESTDATA) + "/envs/tofu-env-files/terraform/deployments/env-prod",
      std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  Parsed p = parse(text.str());
  EXPECT_EQ(
      pairs(p.entries),
      "AWS_PROFILE=agt\n"
      "TF_VAR_deptype=prod\n"
      "TF_VAR_instance_type=t3.large\n"
      "TF_VAR_public_key=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleProdKeyOnly deploy@prod\n"
      "TF_VAR_allowed_ssh_cidrs=[\"198.51.100.0/24\", \"203.0.113.10/32\"]\n"
      "TF_VAR_dashboard_port=443\n"
      "git_ref=v2.4.1\n"
      "background_color=#ffffff\n"
      "vite_api_base_url=https://dashboard.example.com/api\n"
      "DEPLOYMENT_URI=${vite_api_base_url%/api} ~\n");
  EXPECT_TRUE(p.findings.empty());
}

}  // namespace
}  // namespace tfguard::loader

// Expression evaluation against HCL's and Terraform's documented results.
#include "eval/expr_eval.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "syntax/parser.h"

namespace tfguard::eval {
namespace {

// A scope with var.* and resources: `aws_instance.web` is an open object
// (configured attributes known, the rest unknown with a reference).
class TestScope : public Scope {
 public:
  std::map<std::string, Value, std::less<>> vars;
  std::map<std::string, syntax::ParsedFile> templates;

  std::optional<Value> resolve(const syntax::ScopeTraversalExpr& t, size_t* consumed, Diagnostic* error) override {
    if (t.root == "var" && !t.steps.empty()) {
      *consumed = 1;
      auto it = vars.find(t.steps[0].name);
      if (it != vars.end()) return it->second;
      *error = {Severity::kError, "Reference to undeclared input variable",
                fmt::format("An input variable with the name \"{}\" has not been declared.", t.steps[0].name),
                t.range, std::nullopt};
      return std::nullopt;
    }
    if (t.root == "aws_instance" && !t.steps.empty()) {
      *consumed = 1;
      Value obj = Value::object({{"instance_type", Value::string("t3.micro")}});
      return obj.withReference("aws_instance." + std::string(t.steps[0].name));
    }
    *consumed = 0;
    *error = {Severity::kError, "Unknown root", std::string(t.root), t.root_range, std::nullopt};
    return std::nullopt;
  }
  FunctionContext& functionContext() override { return ctx; }
  const syntax::Expr* loadTemplate(const std::string& path, const syntax::ParsedFile** file,
                                   std::string* error) override {
    auto it = templates.find(path);
    if (it == templates.end()) {
      *error = fmt::format("no file exists at \"{}\"", path);
      return nullptr;
    }
    *file = &it->second;
    return it->second.template_;
  }
  void addTemplate(const std::string& path, std::string text) {
    templates.emplace(path, syntax::parseTemplateFile(std::make_shared<SourceFile>(path, std::move(text))));
  }
  FunctionContext ctx;
};

struct Result {
  Value value;
  EvalDiagnostics diags;
  std::string error() const { return diags.empty() ? "" : diags[0].diag.summary + ": " + diags[0].diag.detail; }
};

class ExprEvalTest : public ::testing::Test {
 protected:
  Result eval(std::string_view expr) {
    files_.push_back(std::make_unique<syntax::ParsedFile>(
        syntax::parseConfig(std::make_shared<SourceFile>("t.tf", "x = " + std::string(expr) + "\n"))));
    const syntax::ParsedFile& f = *files_.back();
    EXPECT_TRUE(f.diagnostics.empty()) << expr;
    const auto* attr = static_cast<const syntax::Attribute*>(f.body->items[0]);
    Result r;
    ExprEvaluator ev(scope_, f, r.diags);
    r.value = ev.eval(*attr->expr);
    return r;
  }
  std::string str(std::string_view expr) {
    Result r = eval(expr);
    EXPECT_TRUE(r.diags.empty()) << expr << ": " << r.error();
    return r.value.debugString();
  }
  TestScope scope_;
  std::vector<std::unique_ptr<syntax::ParsedFile>> files_;
};

TEST_F(ExprEvalTest, LiteralsAndOperators) {
  EXPECT_EQ(str("1 + 2 * 3"), "7");
  EXPECT_EQ(str("(1 + 2) * 3"), "9");
  EXPECT_EQ(str("7 % 3"), "1");
  EXPECT_EQ(str("-7 % 3"), "-1");
  EXPECT_EQ(str("1 / 4"), "0.25");
  EXPECT_EQ(str("\"2\" + 3"), "5");
  EXPECT_EQ(str("1 == 1"), "true");
  EXPECT_EQ(str("1 == \"1\""), "false");
  EXPECT_EQ(str("\"a\" != \"b\""), "true");
  EXPECT_EQ(str("[1, 2] == [1, 2]"), "true");
  EXPECT_EQ(str("!true || 2 > 1"), "true");
  EXPECT_EQ(str("-(3)"), "-3");
  EXPECT_EQ(str("null == null"), "true");
  EXPECT_EQ(str("1e3"), "1000");
}

TEST_F(ExprEvalTest, OperatorErrors) {
  EXPECT_EQ(eval("\"a\" + 1").error(),
            "Invalid operand: Unsuitable value for left operand: a number is required.");
  EXPECT_EQ(eval("1 / 0").value.debugString(), str("1 / 0"));
  EXPECT_EQ(eval("0 / 0").error(),
            "Operation failed: Error during operation: can't divide zero by zero or infinity by infinity.");
  EXPECT_EQ(eval("null + 1").error(), "Invalid operand: Unsuitable value for left operand: argument must not be null.");
}

TEST_F(ExprEvalTest, ThreeValuedLogic) {
  scope_.vars["u"] = Value::unknown(Type::boolean(), {"aws_instance.web.id"});
  EXPECT_EQ(str("false && var.u"), "false");
  EXPECT_EQ(str("true || var.u"), "true");
  EXPECT_EQ(str("true && var.u"), "(unknown aws_instance.web.id)");
  EXPECT_EQ(str("var.u ? 1 : 2"), "(unknown aws_instance.web.id)");
  EXPECT_EQ(str("var.u == var.u"), "true");
  // A known value with unknowns inside compared with null is decided (cty).
  EXPECT_EQ(str("[var.u] == null"), "false");
  EXPECT_EQ(str("{a = var.u} != null"), "true");
  EXPECT_EQ(str("var.u == null"), "(unknown aws_instance.web.id)");
}

TEST_F(ExprEvalTest, Templates) {
  scope_.vars["env"] = Value::string("prod");
  scope_.vars["n"] = Value::number(3);
  EXPECT_EQ(str("\"${var.env}-web\""), "\"prod-web\"");
  EXPECT_EQ(str("\"n=${var.n}\""), "\"n=3\"");
  EXPECT_EQ(str("\"%{if var.env == \"prod\"}P%{else}D%{endif}\""), "\"P\"");
  EXPECT_EQ(str("\"%{for i, x in [\"a\", \"b\"]}${i}${x};%{endfor}\""), "\"0a;1b;\"");
  EXPECT_EQ(str("\"${var.n}\""), "3");  // a lone interpolation keeps its type
  EXPECT_EQ(str("\"${null}\""), "null");  // a lone interpolation is the value itself
  EXPECT_EQ(eval("\"a${null}\"").error(),
            "Invalid template interpolation value: The expression result is null. Cannot include a null value in a "
            "string template.");
  EXPECT_EQ(str("<<-EOT\n    a ${var.env}\n    EOT"), "\"a prod\\n\"");
}

TEST_F(ExprEvalTest, UnknownsKeepReferences) {
  EXPECT_EQ(str("aws_instance.web.instance_type"), "\"t3.micro\"");
  EXPECT_EQ(str("aws_instance.web.id"), "(unknown aws_instance.web.id)");
  EXPECT_EQ(str("\"${aws_instance.web.public_ip}/32\""), "(unknown aws_instance.web.public_ip)");
  EXPECT_EQ(str("jsonencode({ arn = aws_instance.web.arn })"), "(unknown aws_instance.web.arn)");
  EXPECT_EQ(str("upper(aws_instance.web.id)"), "(unknown aws_instance.web.id)");
  EXPECT_EQ(str("aws_instance.web.tags[\"Name\"]"), "(unknown aws_instance.web.tags[\"Name\"])");
}

TEST_F(ExprEvalTest, Collections) {
  EXPECT_EQ(str("[for x in [1, 2, 3] : x * 2 if x > 1]"), "[4, 6]");
  EXPECT_EQ(str("{for k, v in {a = 1, b = 2} : v => k}"), "{1 = \"a\", 2 = \"b\"}");
  EXPECT_EQ(str("{for x in [\"a\", \"b\", \"a\"] : x => x...}"), "{a = [\"a\", \"a\"], b = [\"b\"]}");
  EXPECT_EQ(eval("{for x in [\"a\", \"a\"] : x => 1}").diags.at(0).diag.summary, "Duplicate object key");
  EXPECT_EQ(str("[{a = 1}, {a = 2}][*].a"), "[1, 2]");
  EXPECT_EQ(str("{a = 1}[*].a"), "[1]");
  EXPECT_EQ(str("null[*]"), "[]");
  EXPECT_EQ(str("[1, 2, 3][1]"), "2");
  EXPECT_EQ(str("{a = {b = 5}}.a.b"), "5");
  EXPECT_EQ(str("{a = 1}[\"a\"]"), "1");
  EXPECT_EQ(str("tolist([\"x\", \"y\"]).0"), "\"x\"");
  EXPECT_EQ(eval("[1][5]").error(),
            "Invalid index: The given key does not identify an element in this collection value: the given index is "
            "greater than or equal to the length of the collection.");
  EXPECT_EQ(eval("{a = 1}.b").error(), "Unsupported attribute: This object does not have an attribute named \"b\".");
  EXPECT_EQ(eval("tomap({a = 1}).b").error(),
            "Missing map element: This map does not have an element with the key \"b\".");
}

TEST_F(ExprEvalTest, FunctionsTryCan) {
  EXPECT_EQ(str("max([1, 5, 3]...)"), "5");
  EXPECT_EQ(str("join(\"-\", [\"a\", \"b\"])"), "\"a-b\"");
  EXPECT_EQ(str("try({a = 1}.b, \"fallback\")"), "\"fallback\"");
  EXPECT_EQ(str("try({a = 1}.a, \"fallback\")"), "1");
  EXPECT_EQ(str("can({a = 1}.b)"), "false");
  EXPECT_EQ(str("can(regex(\"^a\", \"abc\"))"), "true");
  EXPECT_EQ(str("try(aws_instance.web.id, \"x\")"), "(unknown aws_instance.web.id)");
  EXPECT_EQ(eval("nosuch(1)").error(), "Call to unknown function: There is no function named \"nosuch\".");
  Result r = eval("upper(1, 2)");
  EXPECT_EQ(r.diags.size(), 1u);
}

TEST_F(ExprEvalTest, TemplateFile) {
  scope_.addTemplate("user-data.sh.tftpl", "#!/bin/bash\ndocker run %{ if restart }--restart always %{ endif }${image}\n");
  EXPECT_EQ(str("templatefile(\"user-data.sh.tftpl\", { restart = true, image = \"nginx\" })"),
            "\"#!/bin/bash\\ndocker run --restart always nginx\\n\"");
  Result missing = eval("templatefile(\"user-data.sh.tftpl\", { restart = true })");
  ASSERT_EQ(missing.diags.size(), 1u);
  EXPECT_EQ(missing.diags[0].diag.summary, "Invalid reference");
  EXPECT_EQ(missing.diags[0].file->source->path(), "user-data.sh.tftpl");
  EXPECT_EQ(eval("templatefile(\"nope.tftpl\", {})").error(),
            "Invalid function argument: Invalid value for \"path\" parameter: no file exists at \"nope.tftpl\".");
}

TEST_F(ExprEvalTest, SensitiveAndProvenance) {
  scope_.vars["pw"] = Value::string("hunter2").markedSensitive();
  scope_.vars["region"] = Value::string("eu-west-1").withProvenance({"prod.tfvars", {0, 6}, "value set here"});
  EXPECT_TRUE(eval("\"x${var.pw}\"").value.sensitive());
  EXPECT_TRUE(eval("upper(var.pw)").value.sensitive());
  EXPECT_FALSE(eval("upper(\"a\")").value.sensitive());
  Value v = eval("\"${var.region}-a\"").value;
  ASSERT_EQ(v.provenance().size(), 1u);
  EXPECT_EQ(v.provenance()[0].file, "prod.tfvars");
}

TEST_F(ExprEvalTest, OnlyTheBranchTakenReportsErrors) {
  scope_.vars["x"] = Value::null();
  scope_.vars["l"] = Value::null(Type::number());
  EXPECT_EQ(str("var.x == null ? \"none\" : var.x.a"), "\"none\"");
  EXPECT_EQ(str("var.l == null ? true : var.l >= 6"), "true");
  EXPECT_EQ(str("false ? [][0] : \"ok\""), "\"ok\"");
  EXPECT_EQ(str("var.l == null || length(var.l) > 0"), "true");
  EXPECT_EQ(str("var.l != null && var.l > 2"), "false");
  EXPECT_EQ(eval("true ? [][0] : 1").diags.size(), 1u);
  EXPECT_EQ(eval("var.l == null && var.l > 2").diags.size(), 1u);
}

TEST_F(ExprEvalTest, UnknownKeysAndProviderFunctionsKeepTheirInputs) {
  // Temporaries feeding an unknown result (once a use after free).
  scope_.vars["k"] = Value::unknown(Type::string(), {"aws_s3_bucket.b.id"}).withProvenance({"x.tfvars", {0, 1}, "set"});
  EXPECT_EQ(str("{ (var.k) = \"v\", b = \"c\" }"), "(unknown aws_s3_bucket.b.id)");
  EXPECT_EQ(str("[for x in [\"a\"] : x if var.k == \"z\"]"), "(unknown aws_s3_bucket.b.id)");
  EXPECT_EQ(str("{for x in [\"a\"] : \"${var.k}${x}\" => x}"), "(unknown aws_s3_bucket.b.id)");
  EXPECT_EQ(str("provider::aws::arn_parse(var.k)"), "(unknown aws_s3_bucket.b.id)");
  EXPECT_EQ(str("templatestring(var.k, {})"), "(unknown aws_s3_bucket.b.id)");
  EXPECT_EQ(str("ephemeralasnull(\"a\")"), "\"a\"");
}

TEST_F(ExprEvalTest, ErrorsPointAtTheExpression) {
  Result r = eval("var.nope");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].diag.summary, "Reference to undeclared input variable");
  EXPECT_EQ(r.diags[0].diag.subject->begin, 4u);
  EXPECT_FALSE(r.value.isKnown());
}

TEST(ReferencedNames, Traversals) {
  auto f = syntax::parseConfig(std::make_shared<SourceFile>(
      "t.tf", "x = [for s in var.subnets : s if local.on] ++ data.aws_ami.u.id + aws_instance.web[0].id + module.m.o\n"));
  // The parse error of ++ does not matter; use a clean one.
  auto g = syntax::parseConfig(std::make_shared<SourceFile>(
      "t.tf", "x = concat([for s in var.subnets : s if local.on], [data.aws_ami.u.id, aws_instance.web[0].id, module.m.o, count.index, path.module])\n"));
  const auto* attr = static_cast<const syntax::Attribute*>(g.body->items[0]);
  EXPECT_EQ(referencedNames(*attr->expr),
            (std::vector<std::string>{"aws_instance.web", "count.index", "data.aws_ami.u", "local.on", "module.m",
                                      "path.module", "var.subnets"}));
}

TEST(EvalConstant, TfvarsValues) {
  auto f = syntax::parseConfig(std::make_shared<SourceFile>(
      "t.tfvars", "a = { x = [1, \"two\"] }\nb = upper(\"x\")\nc = var.y\n"));
  EvalDiagnostics diags;
  auto attr = [&](size_t i) { return static_cast<const syntax::Attribute*>(f.body->items[i])->expr; };
  EXPECT_EQ(evalConstant(*attr(0), f, diags).debugString(), "{x = [1, \"two\"]}");
  EXPECT_TRUE(diags.empty());
  evalConstant(*attr(1), f, diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].diag.summary, "Function calls not allowed");
  evalConstant(*attr(2), f, diags);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[1].diag.summary, "Variables not allowed");
}

}  // namespace
}  // namespace tfguard::eval

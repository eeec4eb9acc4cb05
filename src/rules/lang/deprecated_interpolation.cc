// deprecated-interpolation: an expression written as a string that is only
// one interpolation, `"${var.ami}"` (SPEC §6, tflint's
// terraform_deprecated_interpolation): the Terraform 0.11 habit, deprecated
// since 0.12.14. The parser keeps such a string as a TemplateWrapExpr, as
// hclsyntax does; every expression of the module's native-syntax files is
// searched for one, nested ones included.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "rules/registry.h"
#include "rules/rule_helpers.h"

namespace tfguard::rules {
namespace {

// Blocks nest a few levels in real configurations; deeper is not walked.
constexpr int kMaxBlockDepth = 64;

std::string_view sourceText(const syntax::ParsedFile& file, ByteRange range) {
  std::string_view text = file.source->text();
  if (range.begin > range.end || range.end > text.size()) return {};
  return text.substr(range.begin, range.size());
}

/// `"${~ x ~}"` strips the whitespace around it: written on purpose, and
/// not what this rule is about.
bool hasStripMarker(const syntax::ParsedFile& file, const syntax::TemplateWrapExpr& wrap) {
  if (wrap.wrapped == nullptr) return true;
  std::string_view open = sourceText(file, {wrap.range.begin, wrap.wrapped->range.begin});
  std::string_view close = sourceText(file, {wrap.wrapped->range.end, wrap.range.end});
  return open.find('~') != std::string_view::npos || close.find('~') != std::string_view::npos;
}

/// Source text for a message: on one line, shortened.
std::string display(std::string_view text) {
  std::string line;
  bool space = false;
  for (char ch : text) {
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += ch;
  }
  return shorten(line, 80);
}

void pushParts(std::span<const syntax::TemplatePart> parts, std::vector<const syntax::Expr*>& stack) {
  for (const syntax::TemplatePart& part : parts) stack.push_back(part.expr);
}

/// Every interpolation-only string inside `root` (root itself included).
void findWraps(const syntax::Expr* root, std::vector<const syntax::TemplateWrapExpr*>& out) {
  using syntax::as;
  using syntax::ExprKind;
  std::vector<const syntax::Expr*> stack{root};
  while (!stack.empty()) {
    const syntax::Expr* x = stack.back();
    stack.pop_back();
    if (x == nullptr) continue;
    switch (x->kind) {
      case ExprKind::kLiteral:
      case ExprKind::kScopeTraversal:
      case ExprKind::kSplatItem: break;
      case ExprKind::kTemplate: pushParts(as<syntax::TemplateExpr>(*x).parts, stack); break;
      case ExprKind::kTemplateWrap:
        out.push_back(&as<syntax::TemplateWrapExpr>(*x));
        stack.push_back(as<syntax::TemplateWrapExpr>(*x).wrapped);
        break;
      case ExprKind::kRelativeTraversal: stack.push_back(as<syntax::RelativeTraversalExpr>(*x).source); break;
      case ExprKind::kIndex:
        stack.push_back(as<syntax::IndexExpr>(*x).collection);
        stack.push_back(as<syntax::IndexExpr>(*x).key);
        break;
      case ExprKind::kCall:
        for (const syntax::Expr* arg : as<syntax::CallExpr>(*x).args) stack.push_back(arg);
        break;
      case ExprKind::kBinary:
        stack.push_back(as<syntax::BinaryExpr>(*x).lhs);
        stack.push_back(as<syntax::BinaryExpr>(*x).rhs);
        break;
      case ExprKind::kUnary: stack.push_back(as<syntax::UnaryExpr>(*x).operand); break;
      case ExprKind::kConditional: {
        const auto& c = as<syntax::ConditionalExpr>(*x);
        stack.insert(stack.end(), {c.cond, c.if_true, c.if_false});
        break;
      }
      case ExprKind::kParens: stack.push_back(as<syntax::ParensExpr>(*x).inner); break;
      case ExprKind::kTuple:
        for (const syntax::Expr* item : as<syntax::TupleExpr>(*x).items) stack.push_back(item);
        break;
      case ExprKind::kObject:
        for (const syntax::ObjectItem& item : as<syntax::ObjectExpr>(*x).items) {
          stack.push_back(item.key);
          stack.push_back(item.value);
        }
        break;
      case ExprKind::kObjectKey: stack.push_back(as<syntax::ObjectKeyExpr>(*x).wrapped); break;
      case ExprKind::kFor: {
        const auto& f = as<syntax::ForExpr>(*x);
        stack.insert(stack.end(), {f.coll, f.key, f.value, f.cond});
        break;
      }
      case ExprKind::kSplat:
        stack.push_back(as<syntax::SplatExpr>(*x).source);
        stack.push_back(as<syntax::SplatExpr>(*x).each);
        break;
      case ExprKind::kTemplateIf: {
        const auto& t = as<syntax::TemplateIfExpr>(*x);
        stack.push_back(t.cond);
        pushParts(t.then_parts, stack);
        pushParts(t.else_parts, stack);
        break;
      }
      case ExprKind::kTemplateFor:
        stack.push_back(as<syntax::TemplateForExpr>(*x).coll);
        pushParts(as<syntax::TemplateForExpr>(*x).body, stack);
        break;
    }
  }
}

/// The expressions of every argument in `body` and its nested blocks.
void collectBodyExprs(const syntax::Body* body, std::vector<const syntax::Expr*>& out, int depth = 0) {
  if (body == nullptr || depth > kMaxBlockDepth) return;
  for (const syntax::BodyItem* item : body->items) {
    if (item == nullptr) continue;
    if (item->kind == syntax::BodyItemKind::kAttribute) {
      out.push_back(static_cast<const syntax::Attribute*>(item)->expr);
    } else {
      collectBodyExprs(static_cast<const syntax::Block*>(item)->body, out, depth + 1);
    }
  }
}

class DeprecatedInterpolationRule final : public Rule {
 public:
  DeprecatedInterpolationRule() {
    meta_.id = "deprecated-interpolation";
    meta_.default_severity = Severity::kNote;
    meta_.summary = "an expression should not be wrapped in an interpolation-only string";
    meta_.description =
        "## What fails\n\n"
        "A quoted string that consists of exactly one `${...}` interpolation and nothing else, such as "
        "`ami = \"${var.ami}\"`, anywhere in an expression of a `.tf` file: arguments of every block, "
        "nested blocks, elements of lists and objects, function arguments. It is the same check as "
        "tflint's `terraform_deprecated_interpolation`.\n\n"
        "Not reported: strings with anything besides the interpolation (`\"${var.a}-${var.b}\"`, "
        "`\"ami-${var.id}\"`), template directives (`%{ if }`, `%{ for }`), interpolations with strip "
        "markers (`\"${~ var.a ~}\"`), heredocs, and `.tf.json` files, where `\"${...}\"` is the only way "
        "to write an expression.\n\n"
        "## Why\n\n"
        "Terraform 0.11 needed the quotes; since 0.12 they are noise that Terraform 0.12.14 and later "
        "deprecate. They also hide the type: `\"${var.ports}\"` reads like a string but passes a list "
        "through, and a reader (or a later edit that adds a suffix) turns it into a string conversion "
        "error. Write the expression itself: `ami = var.ami`.";
    meta_.bad_example = R"(resource "aws_instance" "web" {
  ami           = "${var.ami}"
  instance_type = "t3.micro"
}
)";
    meta_.good_example = R"(resource "aws_instance" "web" {
  ami           = var.ami
  instance_type = "t3.micro"

  tags = {
    Name = "web-${var.environment}"
  }
}
)";
    meta_.scope = RuleScope::kProject;
    meta_.tags = {"terraform"};
    meta_.why_cpp =
        "Policies select evaluated resource instances per environment, where `\"${x}\"` and `x` have the "
        "same value; only the syntax tells them apart.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkProject(ProjectContext& ctx) const override {
    for (const model::Module* module : ctx.modules()) {
      if (module == nullptr) continue;
      for (const syntax::ParsedFile* file : module->files)
        if (file != nullptr && file->source != nullptr && file->syntax == syntax::FileSyntax::kNative)
          checkFile(*file, ctx);
    }
  }

 private:
  static void checkFile(const syntax::ParsedFile& file, ProjectContext& ctx) {
    std::vector<const syntax::Expr*> exprs;
    collectBodyExprs(file.body, exprs);
    std::vector<const syntax::TemplateWrapExpr*> wraps;
    for (const syntax::Expr* expr : exprs) findWraps(expr, wraps);
    for (const syntax::TemplateWrapExpr* wrap : wraps) {
      if (hasStripMarker(file, *wrap)) continue;
      std::string_view written = sourceText(file, wrap->range);
      if (written.size() >= 2 && written.front() == '"' && written.back() == '"')
        written = written.substr(1, written.size() - 2);
      std::string inner = display(sourceText(file, wrap->wrapped->range));
      RuleFinding f;
      f.message = fmt::format("interpolation-only expression \"{}\": write {}", display(written), inner);
      f.detail = fmt::format(
          "Since Terraform 0.12 an expression needs no quotes; `\"${{...}}\"` around a single expression is "
          "deprecated. Write `{}` instead.",
          inner);
      f.at = {file.source, wrap->range};
      ctx.report(std::move(f));
    }
  }

  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeDeprecatedInterpolationRule() { return std::make_unique<DeprecatedInterpolationRule>(); }

}  // namespace tfguard::rules

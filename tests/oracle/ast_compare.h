// Differential comparison of AST JSON documents (see shared AST-JSON.md):
// tfguard's `parse --format json` output against the hcldump oracle built on
// HashiCorp's hclsyntax.
#ifndef TFGUARD_TESTS_ORACLE_AST_COMPARE_H_
#define TFGUARD_TESTS_ORACLE_AST_COMPARE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfguard::oracle {

/// One difference between the two documents. `path` is a JSON path such as
/// `body.items[2].expr.lhs.bytes`; `ours`/`theirs` are short renderings of
/// the values, or `<missing>`.
struct AstMismatch {
  std::string path;
  std::string ours;
  std::string theirs;
};

/// Reports at most this many mismatches per file; later ones are noise.
inline constexpr std::size_t kMaxMismatchesPerFile = 20;

/// Compares one file document from tfguard (`ours`) with the oracle's
/// (`theirs`). `source` is the file's bytes: columns are not compared on
/// lines holding non-ASCII bytes, because tfguard counts code points and HCL
/// counts grapheme clusters. If either side reports an error, only the line
/// of the first error is compared. Never throws.
std::vector<AstMismatch> compareFileAst(const nlohmann::json& ours, const nlohmann::json& theirs,
                                        std::string_view source);

/// Start line of the first error diagnostic of a file document (0 when the
/// error has no range), or nullopt when the document has no error.
std::optional<int> firstErrorLine(const nlohmann::json& document);

/// Canonical form of a decimal number string ("1e5" and "100000" both give
/// "1e5"), or nullopt if `text` is not a decimal number.
std::optional<std::string> normalizeNumber(std::string_view text);

}  // namespace tfguard::oracle

#endif  // TFGUARD_TESTS_ORACLE_AST_COMPARE_H_

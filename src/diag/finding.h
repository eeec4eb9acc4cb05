#pragma once
// A finding: a diagnostic placed in a file, with the rule it belongs to,
// the environment it was seen in and related places (where a value was
// set). Stages after the parser report findings; the rule engine and the
// reporters consume them.
#include <memory>
#include <string>
#include <vector>

#include "base/range.h"
#include "base/source_file.h"
#include "diag/diagnostic.h"

namespace tfguard {

struct Location {
  std::shared_ptr<const SourceFile> file;  ///< null: no place (e.g. a command-line value)
  ByteRange range;
  /// The text at `range` is a secret (a hard-coded password, a sensitive
  /// variable's value): printers that quote source lines mask it.
  bool secret = false;
};

struct RelatedLocation {
  Location location;
  std::string message;  ///< "value set here", "module argument"
};

struct Finding {
  std::string rule;  ///< "duplicate-declaration", "eval-error", "type-mismatch", ...
  Severity severity = Severity::kError;
  std::string summary;  ///< terse and stable
  std::string detail;   ///< full sentences, with the offending value
  Location location;
  std::vector<RelatedLocation> related;
  std::string environment;  ///< empty: not specific to one environment
  /// The resource instance the finding is about ("module.web.aws_eip.this[0]"); empty if none.
  std::string resource;
  /// The offending attribute or nested block inside the resource
  /// ("ingress[1].cidr_blocks"); with `resource` it makes the fingerprint
  /// stable when lines move.
  std::string attribute_path;
  /// Set by the engine: stable identity for baselines and SARIF.
  std::string fingerprint;
  /// Set by suppression: the finding is kept (SARIF lists it as suppressed)
  /// but does not count.
  bool suppressed = false;
  std::string suppression_reason;
};

using Findings = std::vector<Finding>;

}  // namespace tfguard

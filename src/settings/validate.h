#pragma once
// The schema of `.tfguard.hcl` (SPEC §5), checked strictly: every item of
// the parsed file is either understood or reported. Internal to
// src/settings/.
#include "diag/finding.h"
#include "settings/settings.h"
#include "syntax/ast.h"

namespace tfguard::settings {

/// Fills `out` from the body of `file` (a syntax-error-free native file) and
/// appends an "invalid-config" finding to `errors` for every item that does
/// not fit the schema. `file_label` names the file in messages.
void validateSettings(const syntax::ParsedFile& file, std::string_view file_label, Settings& out,
                      Findings& errors);

}  // namespace tfguard::settings

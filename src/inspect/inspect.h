#pragma once
// `tfguard inspect`: the evaluated model as JSON (docs/inspect.md is the
// shape). Unknown values are {"unknown": "aws_instance.x.id"}; sensitive
// values are never printed ({"sensitive": true}).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "diag/finding.h"
#include "eval/environment_eval.h"
#include "eval/value.h"
#include "settings/settings.h"

namespace tfguard::inspect {

/// A value as JSON: null, bool, number, string, array, object; unknowns and
/// sensitive values as the marker objects above.
nlohmann::ordered_json valueToJson(const eval::Value& value);

/// {"file", "start": {"line", "column"}, "end": {...}}, or null without a file.
nlohmann::ordered_json locationToJson(const Location& location);

nlohmann::ordered_json environmentToJson(const eval::EvaluatedEnvironment& env, const loader::Project& project);

nlohmann::ordered_json findingToJson(const Finding& finding);

/// The whole `tfguard inspect` document for `paths`: loads the project,
/// finds the environments, evaluates those named in `only` (all when
/// empty). Sets *matched to whether any environment was selected.
nlohmann::ordered_json inspectTree(std::span<const std::filesystem::path> paths, const settings::Settings& settings,
                                   const std::vector<std::string>& only, bool* matched);

}  // namespace tfguard::inspect

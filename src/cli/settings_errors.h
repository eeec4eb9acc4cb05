#pragma once
// How commands load .tfguard.hcl and report its errors (SPEC §2, §5: an
// unreadable or invalid config is exit code 2).
#include <filesystem>
#include <optional>
#include <string>

#include "settings/settings.h"

namespace tfguard::cli {

/// The settings for a command: the file of `--config` when `config_flag` is
/// not empty, else the nearest .tfguard.hcl from `start` upward, else the
/// defaults. Every config error is printed to stderr as
/// `FILE:LINE:COL: error: MESSAGE` (settings::formatFinding); nullopt means
/// the command should return 2.
std::optional<settings::Settings> loadSettingsOrReport(const std::string& config_flag,
                                                       const std::filesystem::path& start);

}  // namespace tfguard::cli

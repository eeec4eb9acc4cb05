#pragma once
// Small UTF-8 helpers shared by the lexer and the printers.
#include <cstdint>
#include <string>
#include <string_view>

namespace tfguard::utf8 {

/// Decodes one code point at s[pos]. Returns its length in bytes, or 0 for an
/// invalid sequence (overlong, surrogate, out of range, truncated).
int decode(std::string_view s, size_t pos, char32_t* out);
/// Length of a structurally well-formed UTF-8 sequence at s[pos] (lead byte
/// and continuation bytes only, like HCL's scanner: overlong forms and
/// surrogates pass), or 0 when broken.
int sequenceLength(std::string_view s, size_t pos);
void append(std::string& out, char32_t cp);
/// unicode.IsSpace from Go: what HCL's strip markers and heredoc flush trim.
bool isSpace(char32_t cp);
/// Unicode ID_Start / ID_Continue as HCL's scanner uses them.
bool isIdentStart(char32_t cp);
bool isIdentContinue(char32_t cp);

}  // namespace tfguard::utf8

// Hash and UUID functions (Terraform's lang/funcs/crypto.go): md5, sha1,
// sha256, sha512, base64sha256, base64sha512, uuidv5, and the impure ones
// (uuid, bcrypt: a new random salt every run) as unknown strings.
// rsadecrypt needs a private key and RSA: it is registered so that
// configurations calling it evaluate, and returns an unknown string.
//
// The digests are our own implementations of RFC 1321 (MD5), FIPS 180-4
// (SHA-1, SHA-256, SHA-512), checked against the standard test vectors in
// tests/eval/functions_encoding_test.cc. They are exported (namespace
// detail) for the file*-hash functions in functions_filesystem.cc.
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "eval/functions.h"

namespace tfguard::eval {
namespace detail {

// Defined in functions_encoding.cc.
std::string base64Encode(std::string_view bytes);
std::string goQuote(std::string_view s);
bool base64Decode(std::string_view in, std::string* out, size_t* error_offset);

std::string md5Digest(std::string_view data);
std::string sha1Digest(std::string_view data);
std::string sha256Digest(std::string_view data);
std::string sha512Digest(std::string_view data);
std::string hexLower(std::string_view bytes);

}  // namespace detail

namespace {

inline uint32_t rotl32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
inline uint32_t rotr32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
inline uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

/// Merkle–Damgård padding: the message, 0x80, zeros, and the bit length in
/// `length_bytes` bytes (big- or little-endian), to a multiple of `block`.
std::string pad(std::string_view data, size_t block, size_t length_bytes, bool big_endian) {
  std::string m(data);
  m.push_back(static_cast<char>(0x80));
  while (m.size() % block != block - length_bytes) m.push_back('\0');
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  std::string len(length_bytes, '\0');
  for (size_t i = 0; i < 8; ++i) {
    char b = static_cast<char>((bits >> (8 * i)) & 0xff);
    if (big_endian) {
      len[length_bytes - 1 - i] = b;
    } else {
      len[i] = b;
    }
  }
  return m + len;
}

inline uint32_t loadBe32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}
inline uint32_t loadLe32(const unsigned char* p) {
  return (uint32_t{p[3]} << 24) | (uint32_t{p[2]} << 16) | (uint32_t{p[1]} << 8) | uint32_t{p[0]};
}
inline uint64_t loadBe64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
  return v;
}
void storeBe32(std::string& out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void storeLe32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void storeBe64(std::string& out, uint64_t v) {
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

namespace detail {

std::string md5Digest(std::string_view data) {
  static constexpr std::array<int, 64> kShift = {
      7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 5,  9,  14, 20, 5,  9,
      14, 20, 5,  9,  14, 20, 5,  9,  14, 20, 4,  11, 16, 23, 4,  11, 16, 23, 4,  11, 16, 23,
      4,  11, 16, 23, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21};
  static constexpr std::array<uint32_t, 64> kK = {
      0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
      0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
      0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
      0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
      0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
      0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
      0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
      0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
      0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
      0xeb86d391};
  std::string m = pad(data, 64, 8, false);
  uint32_t h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  for (size_t off = 0; off < m.size(); off += 64) {
    const auto* p = reinterpret_cast<const unsigned char*>(m.data() + off);
    uint32_t w[16];
    for (int i = 0; i < 16; ++i) w[i] = loadLe32(p + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; ++i) {
      uint32_t f;
      int g;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      uint32_t tmp = d;
      d = c;
      c = b;
      b = b + rotl32(a + f + kK[i] + w[g], kShift[i]);
      a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
  }
  std::string out;
  for (uint32_t v : h) storeLe32(out, v);
  return out;
}

std::string sha1Digest(std::string_view data) {
  std::string m = pad(data, 64, 8, true);
  uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  for (size_t off = 0; off < m.size(); off += 64) {
    const auto* p = reinterpret_cast<const unsigned char*>(m.data() + off);
    uint32_t w[80];
    for (int i = 0; i < 16; ++i) w[i] = loadBe32(p + 4 * i);
    for (int i = 16; i < 80; ++i) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      uint32_t tmp = rotl32(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rotl32(b, 30);
      b = a;
      a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::string out;
  for (uint32_t v : h) storeBe32(out, v);
  return out;
}

std::string sha256Digest(std::string_view data) {
  static constexpr std::array<uint32_t, 64> kK = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
      0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
      0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
      0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
      0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
      0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
      0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
      0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};
  std::string m = pad(data, 64, 8, true);
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  for (size_t off = 0; off < m.size(); off += 64) {
    const auto* p = reinterpret_cast<const unsigned char*>(m.data() + off);
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) w[i] = loadBe32(p + 4 * i);
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = rotr32(w[i - 15], 7) ^ rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr32(w[i - 2], 17) ^ rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t s1 = rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25);
      uint32_t ch = (e & f) ^ (~e & g);
      uint32_t t1 = hh + s1 + ch + kK[i] + w[i];
      uint32_t s0 = rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22);
      uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      uint32_t t2 = s0 + maj;
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  std::string out;
  for (uint32_t v : h) storeBe32(out, v);
  return out;
}

std::string sha512Digest(std::string_view data) {
  static constexpr std::array<uint64_t, 80> kK = {
      0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
      0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
      0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
      0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
      0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
      0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
      0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
      0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
      0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
      0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
      0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
      0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
      0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
      0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
      0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
      0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
      0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
      0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
      0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
      0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};
  std::string m = pad(data, 128, 16, true);
  uint64_t h[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                   0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
  for (size_t off = 0; off < m.size(); off += 128) {
    const auto* p = reinterpret_cast<const unsigned char*>(m.data() + off);
    uint64_t w[80];
    for (int i = 0; i < 16; ++i) w[i] = loadBe64(p + 8 * i);
    for (int i = 16; i < 80; ++i) {
      uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
      uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; ++i) {
      uint64_t s1 = rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41);
      uint64_t ch = (e & f) ^ (~e & g);
      uint64_t t1 = hh + s1 + ch + kK[i] + w[i];
      uint64_t s0 = rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39);
      uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
      uint64_t t2 = s0 + maj;
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  std::string out;
  for (uint64_t v : h) storeBe64(out, v);
  return out;
}

std::string hexLower(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0xf]);
  }
  return out;
}

}  // namespace detail

namespace {

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

template <std::string (*Digest)(std::string_view), bool Base64>
FunctionResult hashString(std::span<const Value> args, FunctionContext&) {
  std::string digest = Digest(args[0].asString());
  return ok(Value::string(Base64 ? detail::base64Encode(digest) : detail::hexLower(digest)));
}

// uuid(): a fresh random UUID every run, so a linter sees an unknown string.
FunctionResult uuidImpl(std::span<const Value>, FunctionContext&) {
  return ok(Value::unknown(Type::string()));
}

// bcrypt(str, cost?): random salt, so unknown; the arguments are still
// checked as Terraform checks them.
FunctionResult bcryptImpl(std::span<const Value> args, FunctionContext&) {
  if (args.size() > 1) {
    auto cost = args[1].asNumber().toInt();
    if (!cost) {
      return FunctionResult::fail(
          "value must be a whole number, between -9223372036854775808 and 9223372036854775807");
    }
    if (args.size() > 2) return FunctionResult::fail("bcrypt() takes no more than two arguments");
    // Go's bcrypt raises costs below 4 to the default and rejects those
    // above 31.
    if (*cost > 31) {
      return FunctionResult::fail(
          fmt::format("error occured generating password crypto/bcrypt: cost {} is outside allowed "
                      "range (4,31)",
                      *cost));
    }
  }
  if (args[0].asString().size() > 72) {
    return FunctionResult::fail(
        "error occured generating password bcrypt: password length exceeds 72 bytes");
  }
  return ok(Value::unknown(Type::string()));
}

// rsadecrypt(ciphertext, privatekey): decryption needs the key and RSA, which
// a linter does not do; the ciphertext's base64 is still checked.
FunctionResult rsadecryptImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& s = args[0].asString();
  std::string decoded;
  size_t offset = 0;
  if (!detail::base64Decode(s, &decoded, &offset)) {
    return FunctionResult::fail(
        fmt::format("failed to decode input {}: cipher text must be base64-encoded",
                    detail::goQuote(s)),
        0);
  }
  return ok(Value::unknown(Type::string()));
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// github.com/google/uuid's Parse: the canonical 36-character form, with a
/// "urn:uuid:" prefix, in braces, or as 32 bare hex digits.
bool parseUuid(std::string_view s, std::array<uint8_t, 16>& out, std::string* error) {
  auto pair = [&](std::string_view t, size_t at, uint8_t* v) {
    int hi = hexDigit(t[at]), lo = hexDigit(t[at + 1]);
    if (hi < 0 || lo < 0) return false;
    *v = static_cast<uint8_t>(hi * 16 + lo);
    return true;
  };
  switch (s.size()) {
    case 36:
      break;
    case 45: {
      std::string prefix(s.substr(0, 9));
      for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (prefix != "urn:uuid:") {
        *error = fmt::format("invalid urn prefix: {}", detail::goQuote(s.substr(0, 9)));
        return false;
      }
      s.remove_prefix(9);
      break;
    }
    case 38:
      s.remove_prefix(1);
      break;
    case 32:
      for (size_t i = 0; i < 16; ++i) {
        if (!pair(s, i * 2, &out[i])) {
          *error = "invalid UUID format";
          return false;
        }
      }
      return true;
    default:
      *error = fmt::format("invalid UUID length: {}", s.size());
      return false;
  }
  if (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') {
    *error = "invalid UUID format";
    return false;
  }
  static constexpr size_t kOffsets[16] = {0,  2,  4,  6,  9,  11, 14, 16,
                                          19, 21, 24, 26, 28, 30, 32, 34};
  for (size_t i = 0; i < 16; ++i) {
    if (!pair(s, kOffsets[i], &out[i])) {
      *error = "invalid UUID format";
      return false;
    }
  }
  return true;
}

FunctionResult uuidv5Impl(std::span<const Value> args, FunctionContext&) {
  const std::string& ns = args[0].asString();
  std::array<uint8_t, 16> space{};
  // RFC 4122 appendix C namespaces.
  static constexpr std::array<uint8_t, 16> kDns = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                                   0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  if (ns == "dns" || ns == "url" || ns == "oid" || ns == "x500") {
    space = kDns;
    space[3] = ns == "dns" ? 0x10 : ns == "url" ? 0x11 : ns == "oid" ? 0x12 : 0x14;
  } else {
    std::string error;
    if (!parseUuid(ns, space, &error)) {
      return FunctionResult::fail(
          fmt::format("uuidv5() doesn't support namespace {} ({})", ns, error));
    }
  }
  std::string input(reinterpret_cast<const char*>(space.data()), space.size());
  input += args[1].asString();
  std::string h = detail::sha1Digest(input).substr(0, 16);
  h[6] = static_cast<char>((static_cast<uint8_t>(h[6]) & 0x0f) | 0x50);
  h[8] = static_cast<char>((static_cast<uint8_t>(h[8]) & 0x3f) | 0x80);
  std::string hex = detail::hexLower(h);
  return ok(Value::string(hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) +
                          "-" + hex.substr(16, 4) + "-" + hex.substr(20)));
}

const std::vector<FunctionSpec>& table() {
  static const std::vector<FunctionSpec> t = {
      {"base64sha256",
       {{"str", Type::string()}},
       std::nullopt,
       Type::string(),
       hashString<detail::sha256Digest, true>},
      {"base64sha512",
       {{"str", Type::string()}},
       std::nullopt,
       Type::string(),
       hashString<detail::sha512Digest, true>},
      {"bcrypt",
       {{"str", Type::string()}},
       FunctionParam{"cost", Type::number()},
       Type::string(),
       bcryptImpl},
      {"md5",
       {{"str", Type::string()}},
       std::nullopt,
       Type::string(),
       hashString<detail::md5Digest, false>},
      {"rsadecrypt",
       {{"ciphertext", Type::string()}, {"privatekey", Type::string()}},
       std::nullopt,
       Type::string(),
       rsadecryptImpl},
      {"sha1",
       {{"str", Type::string()}},
       std::nullopt,
       Type::string(),
       hashString<detail::sha1Digest, false>},
      {"sha256",
       {{"str", Type::string()}},
       std::nullopt,
       Type::string(),
       hashString<detail::sha256Digest, false>},
      {"sha512",
       {{"str", Type::string()}},
       std::nullopt,
       Type::string(),
       hashString<detail::sha512Digest, false>},
      {"uuid", {}, std::nullopt, Type::string(), uuidImpl},
      {"uuidv5",
       {{"namespace", Type::string()}, {"name", Type::string()}},
       std::nullopt,
       Type::string(),
       uuidv5Impl},
  };
  return t;
}

}  // namespace

std::span<const FunctionSpec> hashFunctions() { return table(); }

}  // namespace tfguard::eval

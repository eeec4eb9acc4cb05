// Network functions (Terraform's lang/funcs/cidr.go over go-cidr v1.1.0):
// cidrhost, cidrnetmask, cidrsubnet, cidrsubnets; and the cidr.h helpers.
//
// Addresses are computed as 128-bit integers. Terraform's quirks are kept:
// leading-zero IPv4 octets are decimal, IPv4-mapped IPv6 prefixes print in
// IPv4 form, a negative cidrhost host number counts from the end of the
// range, cidrsubnets cannot start from 0.0.0.0 with a /0... Where Terraform
// itself would panic or print garbage (host numbers of 2^63 and more,
// negative subnet numbers), these functions report the "does not
// accommodate" error instead.
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "eval/cidr.h"
#include "eval/functions.h"

namespace tfguard::eval {
namespace cidr {
namespace {

__extension__ typedef unsigned __int128 u128;

u128 toInt(const Address& a) {
  u128 v = 0;
  for (int i = 0; i < a.size; ++i) v = (v << 8) | a.bytes[i];
  return v;
}

Address fromInt(u128 v, uint8_t size) {
  Address a;
  a.size = size;
  for (int i = size - 1; i >= 0; --i) {
    a.bytes[i] = static_cast<uint8_t>(v & 0xff);
    v >>= 8;
  }
  return a;
}

/// The mask of `ones` leading one bits in a `bits`-wide integer.
u128 maskBits(int ones, int bits) {
  if (ones <= 0) return 0;
  u128 all = bits >= 128 ? ~u128{0} : ((u128{1} << bits) - 1);
  if (ones >= bits) return all;
  return all & ~((u128{1} << (bits - ones)) - 1);
}

// Go's dtoi/xtoi (net/parse.go): digits up to a value of 0xFFFFFF.
bool dtoi(std::string_view s, int* n, size_t* used) {
  int v = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    v = v * 10 + (s[i] - '0');
    if (v >= 0xFFFFFF) return false;
  }
  if (i == 0) return false;
  *n = v;
  *used = i;
  return true;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool xtoi(std::string_view s, int* n, size_t* used) {
  int v = 0;
  size_t i = 0;
  for (; i < s.size() && hexValue(s[i]) >= 0; ++i) {
    v = v * 16 + hexValue(s[i]);
    if (v >= 0xFFFFFF) return false;
  }
  if (i == 0) return false;
  *n = v;
  *used = i;
  return true;
}

std::optional<Address> parseV4(std::string_view s) {
  Address a;
  a.size = 4;
  for (int i = 0; i < 4; ++i) {
    if (s.empty()) return std::nullopt;
    if (i > 0) {
      if (s[0] != '.') return std::nullopt;
      s.remove_prefix(1);
    }
    int n = 0;
    size_t used = 0;
    if (!dtoi(s, &n, &used) || n > 0xFF) return std::nullopt;
    s.remove_prefix(used);
    a.bytes[i] = static_cast<uint8_t>(n);
  }
  if (!s.empty()) return std::nullopt;
  return a;
}

std::optional<Address> parseV6(std::string_view s) {
  Address ip;
  ip.size = 16;
  int ellipsis = -1;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    s.remove_prefix(2);
    if (s.empty()) return ip;
  }
  int i = 0;
  while (i < 16) {
    int n = 0;
    size_t c = 0;
    if (!xtoi(s, &n, &c) || n > 0xFFFF) return std::nullopt;
    if (c < s.size() && s[c] == '.') {
      if (ellipsis < 0 && i != 12) return std::nullopt;
      if (i + 4 > 16) return std::nullopt;
      auto v4 = parseV4(s);
      if (!v4) return std::nullopt;
      for (int k = 0; k < 4; ++k) ip.bytes[i + k] = v4->bytes[k];
      s = {};
      i += 4;
      break;
    }
    ip.bytes[i] = static_cast<uint8_t>(n >> 8);
    ip.bytes[i + 1] = static_cast<uint8_t>(n);
    i += 2;
    s.remove_prefix(c);
    if (s.empty()) break;
    if (s[0] != ':' || s.size() == 1) return std::nullopt;
    s.remove_prefix(1);
    if (s[0] == ':') {
      if (ellipsis >= 0) return std::nullopt;
      ellipsis = i;
      s.remove_prefix(1);
      if (s.empty()) break;
    }
  }
  if (!s.empty()) return std::nullopt;
  if (i < 16) {
    if (ellipsis < 0) return std::nullopt;
    int n = 16 - i;
    for (int j = i - 1; j >= ellipsis; --j) ip.bytes[j + n] = ip.bytes[j];
    for (int j = ellipsis + n - 1; j >= ellipsis; --j) ip.bytes[j] = 0;
  } else if (ellipsis >= 0) {
    return std::nullopt;
  }
  return ip;
}

/// A prefix in the 128-bit space: IPv4 as ::ffff:a.b.c.d/(96+n).
struct Canonical {
  bool v4;
  u128 value;  // network address
  int length;
};

Canonical canonical(const Prefix& p) {
  Address net = p.network();
  int length = p.length;
  if (net.size == 4) {
    length += 96;
    net = net.toV6();
  }
  return {net.isV4Mapped(), toInt(net) & maskBits(length, 128), length};
}

}  // namespace

bool Address::isV4Mapped() const {
  if (size != 16) return false;
  for (int i = 0; i < 10; ++i)
    if (bytes[i] != 0) return false;
  return bytes[10] == 0xff && bytes[11] == 0xff;
}

std::optional<Address> Address::toV4() const {
  if (size == 4) return *this;
  if (!isV4Mapped()) return std::nullopt;
  return v4(bytes[12], bytes[13], bytes[14], bytes[15]);
}

Address Address::toV6() const {
  if (size == 16) return *this;
  Address r;
  r.size = 16;
  r.bytes[10] = r.bytes[11] = 0xff;
  for (int i = 0; i < 4; ++i) r.bytes[12 + i] = bytes[i];
  return r;
}

std::string Address::toString() const {
  if (auto v4 = toV4()) {
    return fmt::format("{}.{}.{}.{}", v4->bytes[0], v4->bytes[1], v4->bytes[2], v4->bytes[3]);
  }
  // The longest run of two or more zero groups becomes "::" (the first
  // such run if there are several).
  int e0 = -1, e1 = -1;
  for (int i = 0; i < 16; i += 2) {
    int j = i;
    while (j < 16 && bytes[j] == 0 && bytes[j + 1] == 0) j += 2;
    if (j > i && j - i > e1 - e0) {
      e0 = i;
      e1 = j;
      i = j;
    }
  }
  if (e1 - e0 <= 2) e0 = e1 = -1;
  std::string out;
  for (int i = 0; i < 16; i += 2) {
    if (i == e0) {
      out += "::";
      i = e1;
      if (i >= 16) break;
    } else if (i > 0) {
      out += ':';
    }
    out += fmt::format("{:x}", (bytes[i] << 8) | bytes[i + 1]);
  }
  return out;
}

std::optional<Address> parseAddress(std::string_view text) {
  if (auto v4 = parseV4(text)) return v4;
  return parseV6(text);
}

Address Prefix::network() const {
  return fromInt(toInt(address) & maskBits(length, bits()), address.size);
}

Address Prefix::last() const {
  return fromInt(toInt(address) | (~maskBits(length, bits()) & maskBits(bits(), bits())),
                 address.size);
}

std::string Prefix::toString() const {
  if (auto v4 = address.toV4()) {
    int l = address.size == 16 ? std::max(0, length - 96) : length;
    return v4->toString() + "/" + std::to_string(l);
  }
  return address.toString() + "/" + std::to_string(length);
}

bool Prefix::contains(const Address& a) const {
  Canonical p = canonical(*this);
  Address x = a.toV6();
  if (p.v4 != x.isV4Mapped()) return false;
  return (toInt(x) & maskBits(p.length, 128)) == p.value;
}

bool Prefix::contains(const Prefix& inner) const {
  Canonical p = canonical(*this), q = canonical(inner);
  if (p.v4 != q.v4 || q.length < p.length) return false;
  return (q.value & maskBits(p.length, 128)) == p.value;
}

bool Prefix::overlaps(const Prefix& other) const {
  return contains(other) || other.contains(*this);
}

bool Prefix::isWholeFamily() const {
  Canonical p = canonical(*this);
  return p.v4 ? p.length == 96 : p.length == 0;
}

std::optional<Prefix> parsePrefix(std::string_view text, Address* as_written) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view addr = text.substr(0, slash), mask = text.substr(slash + 1);
  std::optional<Address> ip = parseV4(addr);
  if (!ip) ip = parseV6(addr);
  int n = 0;
  size_t used = 0;
  if (!ip || !dtoi(mask, &n, &used) || used != mask.size() || n > ip->bits()) return std::nullopt;
  if (as_written) *as_written = *ip;
  Prefix p{*ip, n};
  p.address = p.network();
  return p;
}

std::optional<Prefix> parsePrefixOrAddress(std::string_view text) {
  if (text.find('/') != std::string_view::npos) return parsePrefix(text);
  auto a = parseAddress(text);
  if (!a) return std::nullopt;
  return Prefix{*a, a->bits()};
}

bool isUnspecified(const Address& a) {
  if (auto v4 = a.toV4()) return toInt(*v4) == 0;
  return toInt(a) == 0;
}

bool isLoopback(const Address& a) {
  if (auto v4 = a.toV4()) return v4->bytes[0] == 127;
  return toInt(a) == 1;
}

bool isPrivate(const Address& a) {
  if (auto v4 = a.toV4()) {
    const auto& b = v4->bytes;
    return b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168);
  }
  return (a.bytes[0] & 0xfe) == 0xfc;
}

bool isLinkLocal(const Address& a) {
  if (auto v4 = a.toV4()) return v4->bytes[0] == 169 && v4->bytes[1] == 254;
  return a.bytes[0] == 0xfe && (a.bytes[1] & 0xc0) == 0x80;
}

bool isMulticast(const Address& a) {
  if (auto v4 = a.toV4()) return (v4->bytes[0] & 0xf0) == 0xe0;
  return a.bytes[0] == 0xff;
}

bool isNonPublic(const Prefix& p) {
  static const std::vector<Prefix> ranges = [] {
    std::vector<Prefix> r;
    for (const char* s :
         {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
          "172.16.0.0/12", "192.0.2.0/24", "192.168.0.0/16", "198.51.100.0/24", "203.0.113.0/24",
          "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "2001:db8::/32", "fc00::/7",
          "fe80::/10", "ff00::/8"}) {
      r.push_back(*parsePrefix(s));
    }
    return r;
  }();
  for (const Prefix& r : ranges)
    if (r.contains(p)) return true;
  return false;
}

}  // namespace cidr

namespace {

using cidr::Address;
using cidr::Prefix;
__extension__ typedef unsigned __int128 u128;

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

constexpr std::string_view kIntRange =
    "value must be a whole number, between -9223372036854775808 and 9223372036854775807";

/// gocty's conversion of a number to a Go int.
bool toGoInt(const Number& n, long long* out) {
  auto v = n.toInt();
  if (!v) return false;
  *out = *v;
  return true;
}

/// The magnitude of a whole number as a 128-bit integer; false if it is
/// not whole or is 2^128 or more.
bool magnitude(const Number& n, u128* out) {
  if (!n.isInteger()) return false;
  long double v = std::fabs(n.value());
  constexpr long double k2p64 = 18446744073709551616.0L;
  if (v >= k2p64 * k2p64) return false;
  long double hi = std::floor(v / k2p64);
  long double lo = v - hi * k2p64;
  *out = (u128{static_cast<uint64_t>(hi)} << 64) | static_cast<uint64_t>(lo);
  return true;
}

u128 toU128(const Address& a) {
  u128 v = 0;
  for (int i = 0; i < a.size; ++i) v = (v << 8) | a.bytes[i];
  return v;
}

Address fromU128(u128 v, uint8_t size) {
  Address a;
  a.size = size;
  for (int i = size - 1; i >= 0; --i) {
    a.bytes[i] = static_cast<uint8_t>(v & 0xff);
    v >>= 8;
  }
  return a;
}

u128 hostMask(int length, int bits) {
  if (length >= bits) return 0;
  int host = bits - length;
  return host >= 128 ? ~u128{0} : (u128{1} << host) - 1;
}

std::optional<Prefix> parseCidrArg(const Value& v, std::string* error) {
  auto p = cidr::parsePrefix(v.asString());
  if (!p) *error = "invalid CIDR expression: invalid CIDR address: " + v.asString();
  return p;
}

FunctionResult cidrhostImpl(std::span<const Value> args, FunctionContext&) {
  const Number& num = args[1].asNumber();
  if (!num.isInteger()) return FunctionResult::fail("value must be a whole number");
  std::string error;
  auto network = parseCidrArg(args[0], &error);
  if (!network) return FunctionResult::fail(error);
  int bits = network->bits();
  int host_len = bits - network->length;
  u128 max_host = hostMask(network->length, bits);
  u128 mag = 0;
  bool fits = magnitude(num, &mag);
  u128 host = 0;
  if (num.value() < 0) {
    // -1 is the last host, -2 the one before...
    u128 back = mag - 1;
    if (!fits || back > max_host) {
      // Terraform prints the host number it computed: max - (|n| - 1).
      long double shown = std::ldexp(1.0L, host_len) - 1 - (std::fabs(num.value()) - 1);
      return FunctionResult::fail(
          fmt::format("prefix of {} does not accommodate a host numbered {}", network->length,
                      Number(shown).toString()));
    }
    host = max_host - back;
  } else {
    if (!fits || mag > max_host) {
      return FunctionResult::fail(fmt::format(
          "prefix of {} does not accommodate a host numbered {}", network->length, num.toString()));
    }
    host = mag;
  }
  // go-cidr inserts the number below bit 32 for anything with an IPv4 form,
  // even a 16-byte IPv4-mapped address (where it lands in the top bits).
  int width = network->address.toV4() ? 32 : 128;
  int shift = bits - width;
  u128 ip = toU128(network->address) | (shift >= 128 ? 0 : host << shift);
  if (bits < 128) ip &= (u128{1} << bits) - 1;
  return ok(Value::string(fromU128(ip, network->address.size).toString()));
}

FunctionResult cidrnetmaskImpl(std::span<const Value> args, FunctionContext&) {
  std::string error;
  auto network = parseCidrArg(args[0], &error);
  if (!network) return FunctionResult::fail(error);
  if (!network->address.toV4()) {
    return FunctionResult::fail("IPv6 addresses cannot have a netmask: " + args[0].asString());
  }
  int bits = network->bits();
  u128 all = bits >= 128 ? ~u128{0} : (u128{1} << bits) - 1;
  return ok(Value::string(
      fromU128(all & ~hostMask(network->length, bits), network->address.size).toString()));
}

FunctionResult cidrsubnetImpl(std::span<const Value> args, FunctionContext&) {
  long long newbits = 0;
  if (!toGoInt(args[1].asNumber(), &newbits)) return FunctionResult::fail(std::string(kIntRange));
  const Number& num = args[2].asNumber();
  if (!num.isInteger()) return FunctionResult::fail("value must be a whole number");
  std::string error;
  auto network = parseCidrArg(args[0], &error);
  if (!network) return FunctionResult::fail(error);
  int parent = network->length, bits = network->bits();
  long long new_len = parent + newbits;
  if (new_len > bits) {
    return FunctionResult::fail(
        fmt::format("insufficient address space to extend prefix of {} by {}", parent, newbits));
  }
  u128 mag = 0;
  bool fits = magnitude(num, &mag);
  // Go computes uint64(1<<newbits)-1, which wraps to 2^64-1 for newbits
  // outside 0..63.
  u128 max_net = (newbits >= 0 && newbits < 64) ? (u128{1} << newbits) - 1 : u128{~uint64_t{0}};
  // A negative prefix length has no mask: Go prints the network as "<nil>".
  if (new_len < 0 && fits && mag == 0) return ok(Value::string("<nil>"));
  if (!fits || num.value() < 0 || mag > max_net || new_len < 0) {
    return FunctionResult::fail(
        fmt::format("prefix extension of {} does not accommodate a subnet numbered {}", newbits,
                    num.toString()));
  }
  int shift = bits - static_cast<int>(new_len);
  u128 ip = toU128(network->address) | (shift >= 128 ? 0 : mag << shift);
  if (bits < 128) ip &= (u128{1} << bits) - 1;
  Prefix result{fromU128(ip, network->address.size), static_cast<int>(new_len)};
  return ok(Value::string(result.toString()));
}

FunctionResult cidrsubnetsImpl(std::span<const Value> args, FunctionContext&) {
  std::string error;
  auto network = parseCidrArg(args[0], &error);
  if (!network) return FunctionResult::fail(error, 0);
  if (args.size() == 1) return ok(Value::list({}, Type::string()));
  int start = network->length, bits = network->bits();
  long long first = 0;
  if (!toGoInt(args[1].asNumber(), &first)) return FunctionResult::fail(std::string(kIntRange), 1);
  // go-cidr's PreviousSubnet works on the 4-byte form of an IPv4-mapped
  // address and loses it; Terraform then fails every allocation.
  bool mapped = network->address.size == 16 && network->address.isV4Mapped();
  u128 width_mask = bits >= 128 ? ~u128{0} : (u128{1} << bits) - 1;
  // Start just below the range: the subnet of the first size that ends
  // right before the network address.
  long long first_len = first + start;
  u128 current_ip = 0;
  int current_len = 0;
  if (first_len >= 0 && first_len <= bits) {
    current_ip = ((toU128(network->address) - 1) & width_mask) &
                 ~hostMask(static_cast<int>(first_len), bits);
    current_len = static_cast<int>(first_len);
  }
  std::vector<Value> out;
  out.reserve(args.size() - 1);
  for (size_t i = 1; i < args.size(); ++i) {
    long long length = 0;
    int arg = static_cast<int>(i);
    if (!toGoInt(args[i].asNumber(), &length))
      return FunctionResult::fail(std::string(kIntRange), arg);
    if (length < 1) return FunctionResult::fail("must extend prefix by at least one bit", arg);
    if (length > 32) return FunctionResult::fail("may not extend prefix by more than 32 bits", arg);
    length += start;
    if (length > bits) {
      return FunctionResult::fail(
          fmt::format("would extend prefix to {} bits, which is too long for an {} address", length,
                      bits == 32 ? "IPv4" : "IPv6"),
          arg);
    }
    if (mapped) {
      return FunctionResult::fail(fmt::format("not enough remaining address space for a subnet "
                                              "with a prefix of {} bits after <nil>",
                                              length),
                                  arg);
    }
    int len = static_cast<int>(length);
    // The next subnet of the new size after the end of the current one.
    u128 current_last = current_ip | hostMask(current_len, bits);
    u128 aligned_last = (current_last & ~hostMask(len, bits)) | hostMask(len, bits);
    u128 next = (aligned_last + 1) & width_mask;
    bool rollover = next == 0;
    Prefix candidate{fromU128(next, network->address.size), len};
    if (rollover || !network->contains(candidate.address)) {
      Prefix current{fromU128(current_ip, network->address.size), current_len};
      return FunctionResult::fail(
          fmt::format(
              "not enough remaining address space for a subnet with a prefix of {} bits after {}",
              length, current.toString()),
          arg);
    }
    current_ip = next;
    current_len = len;
    out.push_back(Value::string(candidate.toString()));
  }
  return ok(Value::list(std::move(out), Type::string()));
}

const std::vector<FunctionSpec>& table() {
  static const std::vector<FunctionSpec> t = {
      {"cidrhost",
       {{"prefix", Type::string()}, {"hostnum", Type::number()}},
       std::nullopt,
       Type::string(),
       cidrhostImpl},
      {"cidrnetmask", {{"prefix", Type::string()}}, std::nullopt, Type::string(), cidrnetmaskImpl},
      {"cidrsubnet",
       {{"prefix", Type::string()}, {"newbits", Type::number()}, {"netnum", Type::number()}},
       std::nullopt,
       Type::string(),
       cidrsubnetImpl},
      {"cidrsubnets",
       {{"prefix", Type::string()}},
       FunctionParam{"newbits", Type::number()},
       Type::list(Type::string()),
       cidrsubnetsImpl},
  };
  return t;
}

}  // namespace

std::span<const FunctionSpec> networkFunctions() { return table(); }

}  // namespace tfguard::eval

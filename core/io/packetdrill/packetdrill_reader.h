#pragma once

// Reads packetdrill scripts: the subset of the language that the Linux tree's and packetdrill's
// own close, shutdown, timestamp and user-timeout tests use. Anything else is refused with one
// message naming the file, the line, what was expected and what was found; nothing is skipped.

#include "packetdrill_script.h"

#include <string>
#include <string_view>
#include <variant>

namespace tdl::pd {

using ReadResult = std::variant<Script, ScriptError>;

// `text` is the script; `file` names it in messages and locates a `defaults.sh` beside it (a
// backtick line that runs `./defaults.sh` or `../common/defaults.sh` reads that file if it
// exists, else the built-in copy of the Linux selftests' defaults.sh).
ReadResult readScript(std::string_view text, const std::string& file);

// Reads the file, then the script.
ReadResult readScriptFile(const std::string& path);

// The sysctl lines of a shell file such as defaults.sh: `sysctl -q name=value [name=value...]`,
// comments, blank lines, and the two commands that concern only the real tun device (`ip
// tcp_metrics flush`, `tc qdisc add dev tun0 root pfifo`). `file` and `firstLine` place errors.
std::variant<CommandSpec, ScriptError> readShellCommands(std::string_view text,
                                                         const std::string& file, int firstLine);

// The sysctls that the Linux selftests' tools/testing/selftests/net/packetdrill/defaults.sh sets,
// as a built-in for scripts read without that file beside them.
const CommandSpec& linuxSelftestDefaults();

} // namespace tdl::pd

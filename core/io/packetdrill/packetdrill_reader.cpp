// The packetdrill reader: comments and multi-line backticks are folded into logical lines, then
// each line is read by a small cursor. The grammar follows packetdrill's parser.y for the parts the
// kernel's teardown tests use.

#include "packetdrill_reader.h"

#include "segment.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tdl::pd {

std::string ScriptError::message() const {
    std::string text = file + ":" + std::to_string(line) + ": expected " + expected;
    if (!found.empty()) {
        text += ", found " + found;
    }
    return text;
}

namespace {

struct LogicalLine {
    int line = 0;
    std::string text;
};

// Thrown inside the reader only; readScript() turns it into its result.
struct Refusal {
    int line;
    std::string expected;
    std::string found;
};

std::string shown(std::string_view text) {
    if (text.empty()) {
        return "the end of the line";
    }
    constexpr std::size_t kShown = 40;
    std::string head(text.substr(0, kShown));
    if (text.size() > kShown) {
        head += "...";
    }
    return "'" + head + "'";
}

// Comments removed, a backtick command that spans lines joined onto its first line.
std::vector<LogicalLine> logicalLines(std::string_view text) {
    std::vector<LogicalLine> lines;
    int lineNumber = 1;
    bool inBlockComment = false;
    bool inBacktick = false;
    LogicalLine current{1, {}};
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (inBlockComment) {
            if (c == '*' && next == '/') {
                inBlockComment = false;
                ++i;
            } else if (c == '\n') {
                ++lineNumber;
            }
            continue;
        }
        if (inBacktick) {
            if (c == '`') {
                inBacktick = false;
            }
            if (c == '\n') {
                ++lineNumber;
            }
            current.text += c;
            continue;
        }
        if (c == '/' && next == '/') {
            while (i < text.size() && text[i] != '\n') {
                ++i;
            }
            --i;
            continue;
        }
        if (c == '/' && next == '*') {
            inBlockComment = true;
            ++i;
            continue;
        }
        if (c == '\n') {
            lines.push_back(std::move(current));
            current = LogicalLine{++lineNumber, {}};
            continue;
        }
        if (c == '`') {
            inBacktick = true;
        }
        current.text += c;
    }
    if (inBlockComment) {
        throw Refusal{lineNumber, "'*/' to end the comment", "the end of the file"};
    }
    if (inBacktick) {
        throw Refusal{current.line, "a closing '`'", "the end of the file"};
    }
    lines.push_back(std::move(current));
    return lines;
}

class Cursor {
public:
    Cursor(std::string_view text, int line)
        : text_(text)
        , line_(line) {}

    void skipSpace() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])) != 0) {
            ++pos_;
        }
    }
    bool atEnd() {
        skipSpace();
        return pos_ >= text_.size();
    }
    char peek() {
        skipSpace();
        return pos_ < text_.size() ? text_[pos_] : '\0';
    }
    bool peekIs(std::string_view token) {
        skipSpace();
        return text_.substr(pos_).starts_with(token);
    }
    bool accept(std::string_view token) {
        if (peekIs(token)) {
            pos_ += token.size();
            return true;
        }
        return false;
    }
    void expect(std::string_view token, std::string_view what) {
        if (!accept(token)) {
            fail(std::string(what));
        }
    }
    // The rest of the line from here, for messages.
    std::string_view rest() {
        skipSpace();
        return text_.substr(pos_);
    }
    // The next word (letters, digits, '_', '.', '-', '/'), without moving.
    std::string_view peekWord() {
        skipSpace();
        std::size_t end = pos_;
        while (end < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[end])) != 0 || text_[end] == '_')) {
            ++end;
        }
        return text_.substr(pos_, end - pos_);
    }
    std::string_view word(std::string_view what) {
        const std::string_view w = peekWord();
        if (w.empty()) {
            fail(std::string(what));
        }
        pos_ += w.size();
        return w;
    }
    std::uint64_t unsignedNumber(std::string_view what, std::uint64_t max = UINT32_MAX) {
        skipSpace();
        std::uint64_t value = 0;
        const char* begin = text_.data() + pos_;
        const char* end = text_.data() + text_.size();
        int base = 10;
        if (text_.substr(pos_).starts_with("0x") || text_.substr(pos_).starts_with("0X")) {
            begin += 2;
            base = 16;
        }
        const auto [ptr, ec] = std::from_chars(begin, end, value, base);
        if (ec != std::errc() || ptr == begin || value > max ||
            (ptr < end && (std::isalnum(static_cast<unsigned char>(*ptr)) != 0))) {
            fail(std::string(what));
        }
        pos_ = static_cast<std::size_t>(ptr - text_.data());
        return value;
    }
    std::int64_t signedNumber(std::string_view what) {
        const bool negative = accept("-");
        const auto magnitude = static_cast<std::int64_t>(unsignedNumber(what, INT64_MAX));
        return negative ? -magnitude : magnitude;
    }
    // Seconds as packetdrill writes them: `0`, `1.5`, `.01`, to the microsecond.
    Duration seconds(std::string_view what) {
        skipSpace();
        std::size_t p = pos_;
        std::int64_t whole = 0;
        std::int64_t micros = 0;
        bool digits = false;
        while (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p])) != 0) {
            whole = whole * 10 + (text_[p++] - '0');
            digits = true;
            if (whole > 1'000'000'000) {
                fail(std::string(what));
            }
        }
        if (p < text_.size() && text_[p] == '.' && !text_.substr(p).starts_with("...")) {
            ++p;
            int places = 0;
            while (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p])) != 0) {
                if (++places > 6) {
                    fail(std::string(what) + " to the microsecond");
                }
                micros = micros * 10 + (text_[p++] - '0');
                digits = true;
            }
            for (; places < 6; ++places) {
                micros *= 10;
            }
        }
        if (!digits) {
            fail(std::string(what));
        }
        pos_ = p;
        return Duration{whole * 1'000'000 + micros};
    }
    [[noreturn]] void fail(std::string expected) {
        throw Refusal{line_, std::move(expected), shown(rest())};
    }
    int line() const { return line_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_;
};

ScriptTime readTime(Cursor& in, std::optional<Duration>& blockingEnd) {
    ScriptTime time;
    if (in.accept("*")) {
        time.kind = TimeKind::Any;
        return time;
    }
    const bool relative = in.accept("+");
    time.kind = relative ? TimeKind::Relative : TimeKind::Absolute;
    time.start = in.seconds("a time ('0', '+.1', '1.5~2', '*')");
    if (in.accept("~")) {
        const bool endRelative = in.accept("+");
        if (endRelative != relative) {
            in.fail(std::string("the range's end written like its start (") +
                    (relative ? "'+'" : "no '+'") + ")");
        }
        time.rangeEnd = in.seconds("the end of the time range");
        if (*time.rangeEnd < time.start) {
            in.fail("a time range whose end is not before its start");
        }
    }
    if (in.accept("...")) {
        if (time.rangeEnd) {
            in.fail("a blocking call's start as a single time, not a range");
        }
        blockingEnd = in.seconds("the time the blocking call returns, after '...'");
        if (*blockingEnd < time.start) {
            in.fail("a blocking call that returns after it starts");
        }
    }
    return time;
}

std::uint8_t readFlags(Cursor& in) {
    std::uint8_t flags = 0;
    const std::string_view rest = in.rest();
    std::size_t n = 0;
    for (; n < rest.size() && std::isspace(static_cast<unsigned char>(rest[n])) == 0; ++n) {
        switch (rest[n]) {
        case 'S':
            flags |= flag::kSyn;
            break;
        case 'F':
            flags |= flag::kFin;
            break;
        case 'R':
            flags |= flag::kRst;
            break;
        case 'P':
            flags |= flag::kPsh;
            break;
        case '.':
            flags |= flag::kAck;
            break;
        default:
            in.fail("TCP flags made of S . F R P (ECN and URG flags are not supported)");
        }
    }
    if (n == 0) {
        in.fail("TCP flags made of S . F R P");
    }
    for (std::size_t i = 0; i < n; ++i) {
        in.accept(rest.substr(i, 1));
    }
    return flags;
}

std::vector<TcpOptionSpec> readOptions(Cursor& in) {
    std::vector<TcpOptionSpec> options;
    do {
        const std::string_view name = in.word("a TCP option (nop, eol, mss, sackOK, TS, wscale)");
        TcpOptionSpec option;
        if (name == "nop") {
            option.kind = OptionKind::Nop;
        } else if (name == "eol") {
            option.kind = OptionKind::Eol;
        } else if (name == "mss") {
            option.kind = OptionKind::Mss;
            option.value =
                static_cast<std::uint32_t>(in.unsignedNumber("an MSS in 0..65535", 65535));
        } else if (name == "sackOK") {
            option.kind = OptionKind::SackPermitted;
        } else if (name == "wscale") {
            option.kind = OptionKind::WindowScale;
            option.value =
                static_cast<std::uint32_t>(in.unsignedNumber("a window scale in 0..255", 255));
        } else if (name == "TS") {
            option.kind = OptionKind::Timestamp;
            in.expect("val", "'val' after 'TS'");
            option.value = static_cast<std::uint32_t>(in.unsignedNumber("a TS val"));
            in.expect("ecr", "'ecr' after the TS val");
            option.echo = static_cast<std::uint32_t>(in.unsignedNumber("a TS ecr"));
        } else {
            throw Refusal{in.line(), "a TCP option (nop, eol, mss, sackOK, TS, wscale)",
                          shown(name)};
        }
        options.push_back(option);
    } while (in.accept(","));
    in.expect(">", "',' or '>' after a TCP option");
    return options;
}

PacketSpec readPacket(Cursor& in) {
    PacketSpec packet;
    packet.outbound = in.accept(">");
    if (!packet.outbound) {
        in.expect("<", "'<' or '>'");
    }
    packet.flags = readFlags(in);
    const auto seq = in.unsignedNumber("a sequence number 'start:end(length)'");
    in.expect(":", "':' in 'start:end(length)'");
    const auto end = in.unsignedNumber("the end sequence number in 'start:end(length)'");
    in.expect("(", "'(' in 'start:end(length)'");
    const auto length = in.unsignedNumber("the payload length in 'start:end(length)'", 1U << 30);
    in.expect(")", "')' in 'start:end(length)'");
    if (static_cast<std::uint32_t>(end - seq) != length) {
        throw Refusal{in.line(), "end - start equal to the length in 'start:end(length)'",
                      std::to_string(seq) + ":" + std::to_string(end) + "(" +
                          std::to_string(length) + ")"};
    }
    packet.seq = static_cast<std::uint32_t>(seq);
    packet.length = static_cast<std::uint32_t>(length);
    if (in.peekWord() == "ack") {
        in.word("ack");
        packet.ack = static_cast<std::uint32_t>(in.unsignedNumber("an ACK number after 'ack'"));
    }
    if (in.peekWord() == "win") {
        in.word("win");
        packet.window =
            static_cast<std::uint16_t>(in.unsignedNumber("a window in 0..65535", 65535));
    }
    if (in.accept("<...>")) {
        packet.anyOptions = true;
    } else if (in.accept("<")) {
        packet.options = readOptions(in);
    }
    if (!in.atEnd()) {
        in.fail("the end of the packet line (after flags, start:end(length), ack, win, <options>)");
    }
    if (!packet.outbound && !packet.window) {
        // tcp_packet.c: "window must be specified for inbound packets".
        in.fail("'win N' on an inbound packet");
    }
    if (packet.ack && (packet.flags & flag::kAck) == 0) {
        in.fail("'.' among the flags of a packet that has 'ack'");
    }
    return packet;
}

SyscallArg readArg(Cursor& in) {
    SyscallArg arg;
    if (in.accept("...")) {
        arg.kind = SyscallArg::Kind::Ellipsis;
        return arg;
    }
    if (in.accept("[")) {
        arg.kind = SyscallArg::Kind::List;
        if (!in.accept("]")) {
            do {
                arg.items.push_back(readArg(in));
            } while (in.accept(","));
            in.expect("]", "',' or ']' in a list");
        }
        return arg;
    }
    if (in.accept("{")) {
        arg.kind = SyscallArg::Kind::Struct;
        if (!in.accept("}")) {
            do {
                in.word("a field name in '{name=value, ...}'");
                in.expect("=", "'=' after a field name");
                arg.items.push_back(readArg(in));
            } while (in.accept(","));
            in.expect("}", "',' or '}' in a structure");
        }
        return arg;
    }
    const char c = in.peek();
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c)) != 0) {
        arg.kind = SyscallArg::Kind::Number;
        arg.number = in.signedNumber("a number");
        return arg;
    }
    arg.kind = SyscallArg::Kind::Symbols;
    do {
        arg.symbols.emplace_back(
            in.word("an argument: '...', a number, a name, [list] or {struct}"));
    } while (in.accept("|"));
    return arg;
}

struct SyscallNameEntry {
    std::string_view text;
    SyscallName name;
};
constexpr SyscallNameEntry kSyscalls[] = {
    {"socket", SyscallName::Socket},         {"setsockopt", SyscallName::Setsockopt},
    {"getsockopt", SyscallName::Getsockopt}, {"bind", SyscallName::Bind},
    {"listen", SyscallName::Listen},         {"accept", SyscallName::Accept},
    {"connect", SyscallName::Connect},       {"read", SyscallName::Read},
    {"write", SyscallName::Write},           {"shutdown", SyscallName::Shutdown},
    {"close", SyscallName::Close},           {"fcntl", SyscallName::Fcntl},
};

SyscallSpec readSyscall(Cursor& in) {
    SyscallSpec call;
    const std::string_view name = in.peekWord();
    const auto* entry = std::ranges::find(kSyscalls, name, &SyscallNameEntry::text);
    if (entry == std::end(kSyscalls)) {
        in.fail("'<', '>', a backtick command or a system call (socket, setsockopt, getsockopt, "
                "bind, listen, accept, connect, read, write, shutdown, close, fcntl)");
    }
    in.word("a system call");
    call.name = entry->name;
    in.expect("(", "'(' after the system call's name");
    if (!in.accept(")")) {
        do {
            call.args.push_back(readArg(in));
        } while (in.accept(","));
        in.expect(")", "',' or ')' in the arguments");
    }
    in.expect("=", "'= result' after the system call");
    call.result = in.signedNumber("the call's result (a number)");
    if (!in.atEnd()) {
        const std::string_view errnoName = in.peekWord();
        if (errnoName.empty() || errnoName[0] != 'E') {
            in.fail("an errno name (EINPROGRESS...) or the end of the line");
        }
        call.errnoName = in.word("an errno name");
        if (in.accept("(")) {
            // packetdrill's strerror() text, for the reader of the script: not checked.
            while (!in.atEnd() && !in.accept(")")) {
                in.accept(in.rest().substr(0, 1));
            }
        }
        if (!in.atEnd()) {
            in.fail("the end of the line after the errno");
        }
    }
    if (!call.errnoName.empty() && call.result != -1) {
        in.fail("'-1' as the result of a call that fails with " + call.errnoName);
    }
    return call;
}

// `$((15*1024*1024))` inside a sysctl value: products and sums of integers, as the shell would.
std::string expandArithmetic(std::string_view value, int line) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const std::size_t open = value.find("$((", pos);
        out += value.substr(pos, open - pos);
        if (open == std::string_view::npos) {
            return out;
        }
        const std::size_t close = value.find("))", open);
        if (close == std::string_view::npos) {
            throw Refusal{line, "'))' to end '$(('", shown(value.substr(open))};
        }
        const std::string_view expr = value.substr(open + 3, close - open - 3);
        std::int64_t sum = 0;
        std::int64_t product = 1;
        std::size_t i = 0;
        while (i <= expr.size()) {
            while (i < expr.size() && expr[i] == ' ') {
                ++i;
            }
            std::int64_t number = 0;
            const auto [ptr, ec] =
                std::from_chars(expr.data() + i, expr.data() + expr.size(), number);
            if (ec != std::errc()) {
                throw Refusal{line, "shell arithmetic made of integers, '*' and '+'", shown(expr)};
            }
            i = static_cast<std::size_t>(ptr - expr.data());
            product *= number;
            while (i < expr.size() && expr[i] == ' ') {
                ++i;
            }
            if (i >= expr.size()) {
                break;
            }
            if (expr[i] == '+') {
                sum += product;
                product = 1;
            } else if (expr[i] != '*') {
                throw Refusal{line, "shell arithmetic made of integers, '*' and '+'", shown(expr)};
            }
            ++i;
        }
        out += std::to_string(sum + product);
        pos = close + 2;
    }
}

// `sysctl -q a=b c="d e"`: the settings, in order.
void readSysctlCommand(std::string_view command, int line, CommandSpec& out) {
    std::istringstream words{std::string(command)};
    std::string word;
    words >> word; // "sysctl"
    std::string rest;
    std::getline(words, rest);
    std::size_t i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && rest[i] == ' ') {
            ++i;
        }
        if (i >= rest.size()) {
            break;
        }
        if (rest.compare(i, 2, "-q") == 0 || rest.compare(i, 2, "-w") == 0) {
            i += 2;
            continue;
        }
        if (rest.compare(i, 1, ">") == 0 || rest.compare(i, 4, "2>&1") == 0) {
            // `> /dev/null 2>&1`: the script hides errors from a kernel without the knob.
            break;
        }
        const std::size_t eq = rest.find('=', i);
        if (eq == std::string::npos) {
            throw Refusal{line, "'name=value' after sysctl", shown(rest.substr(i))};
        }
        SysctlSetting setting;
        setting.name = rest.substr(i, eq - i);
        i = eq + 1;
        if (i < rest.size() && rest[i] == '"') {
            const std::size_t close = rest.find('"', i + 1);
            if (close == std::string::npos) {
                throw Refusal{line, "a closing '\"'", shown(rest.substr(i))};
            }
            setting.value =
                expandArithmetic(std::string_view(rest).substr(i + 1, close - i - 1), line);
            i = close + 1;
        } else {
            const std::size_t end = std::min(rest.find(' ', i), rest.size());
            setting.value = expandArithmetic(std::string_view(rest).substr(i, end - i), line);
            i = end;
        }
        out.sysctls.push_back(std::move(setting));
    }
}

bool isDefaultsScript(std::string_view command) {
    return command.ends_with("defaults.sh") && command.find(' ') == std::string_view::npos;
}

CommandSpec readShell(std::string_view text, int firstLine) {
    CommandSpec spec;
    int line = firstLine;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string command(text.substr(pos, end - pos));
        if (const auto hash = command.find('#'); hash != std::string::npos) {
            command.erase(hash);
        }
        const auto first = command.find_first_not_of(" \t;");
        command = first == std::string::npos ? "" : command.substr(first);
        while (!command.empty() && (command.back() == ' ' || command.back() == '\t' ||
                                    command.back() == ';' || command.back() == '\r')) {
            command.pop_back();
        }
        if (command.starts_with("sysctl ")) {
            readSysctlCommand(command, line, spec);
        } else if (command.starts_with("ip tcp_metrics flush") ||
                   command == "tc qdisc add dev tun0 root pfifo") {
            // Both concern only a real kernel: the engine keeps no TCP metrics cache and its tun
            // device has no qdisc to pace the flow.
        } else if (!command.empty()) {
            throw Refusal{line, "a sysctl command ('sysctl -q name=value')", shown(command)};
        }
        pos = end + 1;
        ++line;
    }
    return spec;
}

// A refusal inside a file the script runs (defaults.sh), which names that file.
struct NestedRefusal {
    ScriptError error;
};

class Reader {
public:
    Reader(std::string_view text, std::string file)
        : text_(text)
        , file_(std::move(file)) {}

    Script read() {
        Script script;
        script.file = file_;
        for (const LogicalLine& line : logicalLines(text_)) {
            Cursor in(line.text, line.line);
            if (in.atEnd()) {
                continue;
            }
            refuseCode(in);
            if (in.peekIs("--")) {
                if (!script.events.empty()) {
                    in.fail("an event: options come before the first event");
                }
                readOption(in, script.options);
                continue;
            }
            if (in.peek() == '`') {
                if (!script.events.empty()) {
                    in.fail("a time before a command that comes after the first event");
                }
                script.setup.push_back(readCommand(in));
                continue;
            }
            ScriptEvent event;
            event.line = line.line;
            std::optional<Duration> blockingEnd;
            event.time = readTime(in, blockingEnd);
            refuseCode(in);
            const char c = in.peek();
            if (c == '<' || c == '>') {
                if (blockingEnd) {
                    in.fail("a system call after a blocking time 'start...end'");
                }
                event.what = readPacket(in);
            } else if (c == '`') {
                if (blockingEnd) {
                    in.fail("a system call after a blocking time 'start...end'");
                }
                event.what = readCommand(in);
            } else {
                SyscallSpec call = readSyscall(in);
                call.blockingEnd = blockingEnd;
                event.what = std::move(call);
            }
            script.events.push_back(std::move(event));
        }
        return script;
    }

private:
    static void refuseCode(Cursor& in) {
        if (in.peekIs("%{")) {
            in.fail("a packet, a system call or a command (Python assertions '%{ }%' are not "
                    "supported)");
        }
    }

    static void readOption(Cursor& in, ScriptOptions& options) {
        in.expect("--", "'--option'");
        const std::string name(in.word("an option's name after '--'"));
        if (name == "tcp_ts_ecr_scaled") {
            options.tsEcrScaled = true;
        } else {
            in.expect("=", "'=' after --" + name);
            if (name == "tolerance_usecs") {
                options.toleranceUsecs =
                    static_cast<std::int64_t>(in.unsignedNumber("microseconds", 1'000'000'000));
            } else if (name == "tolerance_percent") {
                const std::string_view text = in.rest();
                double value = 0;
                const auto [ptr, ec] =
                    std::from_chars(text.data(), text.data() + text.size(), value);
                if (ec != std::errc() || ptr != text.data() + text.size() || value < 0 ||
                    value > 100) {
                    in.fail("a percentage in 0..100");
                }
                options.tolerancePercent = value;
                in.accept(text);
            } else if (name == "tcp_ts_tick_usecs") {
                options.tsTickUsecs = static_cast<std::int64_t>(
                    in.unsignedNumber("microseconds in 0..1000000", 1'000'000));
            } else if (name == "mss") {
                options.mss =
                    static_cast<std::uint32_t>(in.unsignedNumber("an MSS in 1..65535", 65535));
            } else if (name == "bind_port") {
                options.bindPort =
                    static_cast<std::uint16_t>(in.unsignedNumber("a port in 1..65535", 65535));
            } else if (name == "connect_port") {
                options.connectPort =
                    static_cast<std::uint16_t>(in.unsignedNumber("a port in 1..65535", 65535));
            } else {
                throw Refusal{in.line(),
                              "an option (--tolerance_usecs, --tolerance_percent, "
                              "--tcp_ts_tick_usecs, --tcp_ts_ecr_scaled, --mss, --bind_port, "
                              "--connect_port)",
                              shown("--" + name)};
            }
        }
        if (!in.atEnd()) {
            in.fail("the end of the line after the option");
        }
    }

    CommandSpec readCommand(Cursor& in) {
        in.expect("`", "'`'");
        const std::string_view rest = in.rest();
        const std::size_t close = rest.find('`');
        std::string command(rest.substr(0, close));
        in.accept(rest.substr(0, close + 1));
        if (!in.atEnd()) {
            in.fail("the end of the line after the command");
        }
        while (!command.empty() && std::isspace(static_cast<unsigned char>(command.back())) != 0) {
            command.pop_back();
        }
        const auto first = command.find_first_not_of(" \t");
        command = first == std::string::npos ? "" : command.substr(first);
        CommandSpec spec =
            isDefaultsScript(command) ? readDefaults(command) : readShell(command, in.line());
        spec.source = command;
        spec.line = in.line();
        return spec;
    }

    // `./defaults.sh`: the file beside the script if there is one, else the built-in copy of the
    // Linux selftests' settings (packetdrill's own gtests/net/common/defaults.sh sets the same
    // sysctls that the engine models).
    CommandSpec readDefaults(const std::string& command) const {
        const std::filesystem::path beside =
            std::filesystem::path(file_).parent_path() / std::filesystem::path(command);
        std::error_code ec;
        if (!file_.empty() && std::filesystem::is_regular_file(beside, ec)) {
            std::ifstream stream(beside, std::ios::binary);
            std::ostringstream text;
            text << stream.rdbuf();
            try {
                return readShell(text.str(), 1);
            } catch (const Refusal& refusal) {
                throw NestedRefusal{
                    ScriptError{beside.string(), refusal.line, refusal.expected, refusal.found}};
            }
        }
        return linuxSelftestDefaults();
    }

    std::string_view text_;
    std::string file_;
};

} // namespace

const CommandSpec& linuxSelftestDefaults() {
    static const CommandSpec defaults{
        {
            {"net.ipv4.tcp_rmem", "4096 540000 15728640"},
            {"net.ipv4.tcp_wmem", "4096 262144 4194304"},
            {"net.ipv4.tcp_timestamps", "1"},
            {"net.ipv4.tcp_syn_retries", "5"},
            {"net.ipv4.tcp_synack_retries", "5"},
            {"net.ipv4.tcp_frto", "2"},
            {"net.ipv4.tcp_sack", "1"},
            {"net.ipv4.tcp_dsack", "1"},
            {"net.ipv4.tcp_fack", "0"},
            {"net.ipv4.tcp_reordering", "3"},
            {"net.ipv4.tcp_congestion_control", "cubic"},
            {"net.ipv4.tcp_slow_start_after_idle", "0"},
            {"net.ipv4.tcp_early_retrans", "4"},
            {"net.ipv4.tcp_recovery", "1"},
            {"net.ipv4.tcp_tso_win_divisor", "3"},
            {"net.ipv4.tcp_ecn", "0"},
            {"net.ipv4.tcp_pacing_ss_ratio", "200"},
            {"net.ipv4.tcp_pacing_ca_ratio", "120"},
            {"net.ipv4.tcp_notsent_lowat", "4294967295"},
            {"net.ipv4.tcp_fastopen", "0x3"},
            {"net.ipv4.tcp_fastopen_key", "a1a1a1a1-b2b2b2b2-c3c3c3c3-d4d4d4d4"},
            {"net.ipv4.tcp_syncookies", "1"},
        },
        "defaults.sh (built-in)",
    };
    return defaults;
}

std::variant<CommandSpec, ScriptError> readShellCommands(std::string_view text,
                                                         const std::string& file, int firstLine) {
    try {
        return readShell(text, firstLine);
    } catch (const Refusal& refusal) {
        return ScriptError{file, refusal.line, refusal.expected, refusal.found};
    }
}

ReadResult readScript(std::string_view text, const std::string& file) {
    try {
        return Reader(text, file).read();
    } catch (const Refusal& refusal) {
        return ScriptError{file, refusal.line, refusal.expected, refusal.found};
    } catch (const NestedRefusal& nested) {
        return nested.error;
    }
}

ReadResult readScriptFile(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        return ScriptError{path, 0, "a readable packetdrill script",
                           "a file that cannot be opened"};
    }
    std::ostringstream text;
    text << stream.rdbuf();
    return readScript(text.str(), path);
}

} // namespace tdl::pd

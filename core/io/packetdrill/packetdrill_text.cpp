#include "packetdrill_text.h"

namespace tdl::pd {

std::string flagsText(std::uint8_t flags) {
    std::string text;
    if ((flags & flag::kFin) != 0) {
        text += 'F';
    }
    if ((flags & flag::kSyn) != 0) {
        text += 'S';
    }
    if ((flags & flag::kRst) != 0) {
        text += 'R';
    }
    if ((flags & flag::kPsh) != 0) {
        text += 'P';
    }
    if ((flags & flag::kAck) != 0) {
        text += '.';
    }
    return text;
}

std::vector<TcpOptionSpec> linuxOptionOrder(const Segment& segment) {
    std::vector<TcpOptionSpec> options;
    const auto add = [&](OptionKind kind, std::uint32_t value = 0, std::uint32_t echo = 0) {
        options.push_back(TcpOptionSpec{kind, value, echo});
    };
    if (segment.mss != 0) {
        add(OptionKind::Mss, segment.mss);
    }
    if (segment.hasTimestamp) {
        if (segment.sackPermitted) {
            add(OptionKind::SackPermitted);
        } else {
            add(OptionKind::Nop);
            add(OptionKind::Nop);
        }
        add(OptionKind::Timestamp, segment.timestamp.value, segment.timestamp.echo);
    } else if (segment.sackPermitted) {
        add(OptionKind::Nop);
        add(OptionKind::Nop);
        add(OptionKind::SackPermitted);
    }
    if (segment.windowScale >= 0) {
        add(OptionKind::Nop);
        add(OptionKind::WindowScale, static_cast<std::uint32_t>(segment.windowScale));
    }
    return options;
}

std::string optionText(const TcpOptionSpec& option) {
    switch (option.kind) {
    case OptionKind::Nop:
        return "nop";
    case OptionKind::Eol:
        return "eol";
    case OptionKind::Mss:
        return "mss " + std::to_string(option.value);
    case OptionKind::SackPermitted:
        return "sackOK";
    case OptionKind::Timestamp:
        return "TS val " + std::to_string(option.value) + " ecr " + std::to_string(option.echo);
    case OptionKind::WindowScale:
        return "wscale " + std::to_string(option.value);
    }
    return {};
}

std::string optionsText(const std::vector<TcpOptionSpec>& options) {
    std::string text = "<";
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (i != 0) {
            text += ',';
        }
        text += optionText(options[i]);
    }
    return text + ">";
}

} // namespace tdl::pd

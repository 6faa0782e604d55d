#pragma once

#include "scenario.h"
#include "script_player.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace tdl::ui {

// A packetdrill script opened in the desktop program: the scenario it plays (the kernel under
// test and the script's scripted peer), the first line that fails if any, and the settings the
// engine does not model.
struct OpenedScript {
    Scenario scenario;
    std::optional<pd::ScriptFailure> failure;
    QStringList notes;
};

// Whether File > Open should read `path` as a packetdrill script (by its .pkt suffix).
bool isPacketdrillPath(const QString& path);

// Reads and plays the script; a script that cannot be read or played gives the message that
// names its file, line, what was expected and what was found.
std::variant<OpenedScript, QString> openPacketdrillScript(const QString& path);

} // namespace tdl::ui

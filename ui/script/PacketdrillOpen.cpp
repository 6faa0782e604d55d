#include "PacketdrillOpen.h"

#include "packetdrill_reader.h"

#include <QFile>
#include <QFileInfo>

namespace tdl::ui {

bool isPacketdrillPath(const QString& path) {
    return QFileInfo(path).suffix().compare(QStringLiteral("pkt"), Qt::CaseInsensitive) == 0;
}

std::variant<OpenedScript, QString> openPacketdrillScript(const QString& path) {
    pd::ReadResult read = pd::readScriptFile(QFile::encodeName(path).toStdString());
    if (const auto* error = std::get_if<pd::ScriptError>(&read)) {
        return QString::fromStdString(error->message());
    }
    pd::PlayOutcome outcome = pd::playScript(std::get<pd::Script>(read));
    if (const auto* error = std::get_if<pd::ScriptError>(&outcome)) {
        return QString::fromStdString(error->message());
    }
    auto& played = std::get<pd::PlayResult>(outcome);
    OpenedScript opened;
    opened.scenario = std::move(played.scenario);
    opened.failure = played.failure;
    for (const std::string& note : played.notes) {
        opened.notes.append(QString::fromStdString(note));
    }
    return opened;
}

} // namespace tdl::ui

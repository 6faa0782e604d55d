#include "CaptureReplay.h"

#include <QFile>
#include <QFileInfo>

namespace tdl::ui {

std::variant<ReplayRun, QString> replayCaptureFile(const QString& path,
                                                   const ReplayOptions& options) {
    const OpenedCapture capture = openCapture(QFile::encodeName(path).toStdString());
    if (capture.summary.error && capture.summary.tcpPackets == 0) {
        return QString::fromStdString(*capture.summary.error);
    }
    auto outcome = replayCapture(capture, options);
    if (auto* error = std::get_if<ReplayError>(&outcome)) {
        return QString::fromStdString(error->message);
    }
    auto& result = std::get<ReplayResult>(outcome);
    ReplayRun replay;
    replay.scenario = std::move(result.scenario);
    const std::string name = QFileInfo(path).fileName().toStdString();
    replay.scenario.title = LocalizedText{name, name};
    replay.run = std::make_shared<const Run>(std::move(result.trace));
    replay.differences = std::move(result.differences);
    replay.linuxHost = QString::fromStdString(result.linuxHost);
    for (const std::string& note : result.notes) {
        replay.notes << QString::fromStdString(note);
    }
    return replay;
}

} // namespace tdl::ui

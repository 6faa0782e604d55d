#include "CaptureRun.h"

#include "capture_trace.h"

#include <QFile>
#include <QFileInfo>

namespace tdl::ui {

bool isCaptureFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("pcap") || suffix == QLatin1String("pcapng") ||
           suffix == QLatin1String("cap");
}

std::variant<CaptureRun, CaptureForTheLoadExplorer, QString> openCaptureRun(const QString& path) {
    CaptureOpenOptions options;
    options.keepAtMostConnections = kCaptureDiagramConnections;
    options.stopOnceLetGo = true;
    const OpenedCapture capture = openCapture(QFile::encodeName(path).toStdString(), options);
    if (!capture.packetsKept) {
        return CaptureForTheLoadExplorer{};
    }
    if (capture.summary.error && capture.summary.tcpPackets == 0) {
        return QString::fromStdString(*capture.summary.error);
    }
    return captureRunOf(capture, path);
}

CaptureRun captureRunOf(const OpenedCapture& capture, const QString& path) {
    CaptureRun result;
    Trace trace = captureTrace(capture);
    for (const HostInfo& host : trace.hosts) {
        HostConfig config;
        config.name = host.name;
        config.address = host.address;
        result.hosts.hosts.push_back(config);
    }
    const std::string name = QFileInfo(path).fileName().toStdString();
    result.hosts.title = LocalizedText{name, name};
    result.run = std::make_shared<const Run>(std::move(trace));
    for (const std::string& note : capture.summary.notes) {
        result.notes.push_back(QString::fromStdString(note));
    }
    if (capture.summary.error) {
        result.notes.push_back(QString::fromStdString(*capture.summary.error));
    }
    return result;
}

} // namespace tdl::ui

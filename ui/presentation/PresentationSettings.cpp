#include "PresentationSettings.h"

namespace tdl::ui {

namespace {
const QString kKeptPanels = QStringLiteral("presentation/keptPanels");
const QString kScaleAdjustment = QStringLiteral("presentation/scaleAdjustment");
} // namespace

QStringList PresentationSettings::keptPanels() const {
    return settings_.value(kKeptPanels, QStringList()).toStringList();
}
void PresentationSettings::setKeptPanels(const QStringList& names) {
    settings_.setValue(kKeptPanels, names);
}

double PresentationSettings::scaleAdjustment() const {
    bool ok = false;
    const double factor = settings_.value(kScaleAdjustment, 1.0).toDouble(&ok);
    return ok && factor > 0 ? factor : 1.0;
}
void PresentationSettings::setScaleAdjustment(double factor) {
    settings_.setValue(kScaleAdjustment, factor);
}

} // namespace tdl::ui

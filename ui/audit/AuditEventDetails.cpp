// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditEventDetails.h"

#include "AuditChain.h"
#include "AuditEventFormat.h"
#include "KeyListModel.h"
#include "PageLayout.h"
#include "Timestamps.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QFocusEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <optional>
#include <utility>

namespace keyward {

namespace {

const QString ErrorColor = QStringLiteral("#c0392b");
const QString GoodColor = QStringLiteral("#1e7e34");

// Any JSON value as text: strings as they are, numbers without an exponent where they are whole,
// objects and arrays compact. What a malformed event holds is shown rather than dropped.
QString textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::abs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

// An actor or target: the object the server writes, or a bare string from a malformed event.
std::optional<Actor> partyOf(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        return Actor {textOf(o.value(QStringLiteral("type"))), textOf(o.value(QStringLiteral("id"))),
                      textOf(o.value(QStringLiteral("display")))};
    }
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return Actor {QString(), QString(), textOf(value)};
}

bool isKeyType(const QString &type)
{
    return type == QLatin1String("secret_key") || type == QLatin1String("publishable_key");
}

QString capitalised(const QString &text)
{
    if (text.isEmpty() || !text.at(0).isLower())
        return text;
    return QLocale().toUpper(text.left(1)) + text.mid(1);
}

QString shortHash(const QString &hash)
{
    return hash.size() > 24 ? hash.left(12) + QStringLiteral("\u2026") + hash.right(8) : hash;
}

// A word-wrapped value whose minimum width is its longest word, up to about 36 characters: a
// longer word (a name without spaces) is clipped there instead of widening every row. Below that
// width QFormLayout puts the field under its label, so ordinary long words still show whole.
class ValueLabel : public QLabel
{
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override
    {
        QSize size = QLabel::minimumSizeHint();
        size.setWidth(qMin(size.width(), fontMetrics().averageCharWidth() * 36));
        return size;
    }
};

QLabel *valueLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new ValueLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::NoFocus);
    return label;
}

QLabel *metaLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    QLabel *label = valueLabel(parent, objectName, accessibleName);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QFont fixedFont(qreal scale = 1.0)
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (scale != 1.0 && f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * scale);
    return f;
}

// A value, or a dimmed "Not recorded" when the event has none.
void setValue(QLabel *label, const QString &text)
{
    label->setText(text.isEmpty() ? AuditEventDetails::tr("Not recorded") : text);
    label->setForegroundRole(text.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
}

// The details as JSON, as tall as its wrapped content up to a limit, wrapped so that no long value
// widens the panel.
class JsonView : public QPlainTextEdit
{
public:
    static constexpr int MaxLines = 18;

    explicit JsonView(QWidget *parent) : QPlainTextEdit(parent)
    {
        setReadOnly(true);
        setTabChangesFocus(true);
        setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        setLineWrapMode(QPlainTextEdit::WidgetWidth);
        setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        setFont(fixedFont());
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
        connect(this, &QPlainTextEdit::textChanged, this, [this] { updateGeometry(); });
    }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override
    {
        const qreal margin = document()->documentMargin();
        const int lines = qBound(1, wrappedLines(width - 2 * frameWidth() - 2 * margin - cursorWidth()), MaxLines);
        // One pixel more than the lines need, or QPlainTextEdit offers to scroll by the last line.
        return lines * fontMetrics().lineSpacing() + int(std::ceil(2 * margin)) + 2 * frameWidth() + 1;
    }
    QSize sizeHint() const override
    {
        const int width = QPlainTextEdit::sizeHint().width();
        return {width, heightForWidth(isVisible() ? this->width() : width)};
    }
    QSize minimumSizeHint() const override { return {fontMetrics().averageCharWidth() * 12, sizeHint().height()}; }

private:
    // The lines the text takes at this width, laid out as QPlainTextDocumentLayout will (which
    // only lays out the blocks it paints, so it cannot be asked beforehand).
    int wrappedLines(qreal width) const
    {
        if (width <= 0)
            return document()->blockCount();
        QTextOption option = document()->defaultTextOption();
        option.setWrapMode(wordWrapMode());
        int lines = 0;
        for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
            QTextLayout layout(block.text(), font());
            layout.setTextOption(option);
            layout.beginLayout();
            for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
                line.setLineWidth(width);
                ++lines;
            }
            layout.endLayout();
            if (lines > MaxLines)
                break;
        }
        return lines;
    }
};

// A link that Tab lands on directly: a plain QLabel takes the focus first and its link only at
// the next Tab.
class LinkLabel : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void focusInEvent(QFocusEvent *event) override
    {
        QLabel::focusInEvent(event);
        if (event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason)
            QLabel::focusNextPrevChild(event->reason() == Qt::TabFocusReason);
    }
};

} // namespace

AuditEventDetails::AuditEventDetails(QWidget *parent) : QWidget(parent), m_zone(QTimeZone::systemTimeZone())
{
    setObjectName(QStringLiteral("auditEventDetails"));
    setAccessibleName(tr("Event details"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_message = new QLabel(m_stack);
    m_message->setObjectName(QStringLiteral("auditDetailsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMargin(12);
    m_stack->addWidget(m_message);

    auto *scroll = new QScrollArea(m_stack);
    scroll->setObjectName(QStringLiteral("auditDetailsScroll"));
    scroll->setAccessibleName(tr("Event details")); // a Tab stop: the arrow keys scroll long details
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("auditDetailsContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 4, 8, 8);
    layout->setSpacing(4);

    // The action in words, its raw name, and whether the content is what was chained.
    m_heading = valueLabel(content, QStringLiteral("auditDetailsHeading"), tr("Action"));
    makeHeading(m_heading, 1.25);
    layout->addWidget(m_heading);
    m_rawAction = metaLabel(content, QStringLiteral("auditDetailsAction"), tr("Action name"));
    m_rawAction->setFont(fixedFont(0.9));
    layout->addWidget(m_rawAction);
    m_integrityLine = valueLabel(content, QStringLiteral("auditDetailsIntegrity"), tr("Integrity"));
    layout->addWidget(m_integrityLine);

    m_deniedBox = new QFrame(content);
    m_deniedBox->setObjectName(QStringLiteral("auditDeniedBox"));
    m_deniedBox->setStyleSheet(QStringLiteral("#auditDeniedBox { background: rgba(211, 84, 0, 0.08); "
                                              "border: 1px solid rgba(211, 84, 0, 0.45); "
                                              "border-left: 4px solid #d35400; }"));
    auto *deniedLayout = new QVBoxLayout(m_deniedBox);
    deniedLayout->setContentsMargins(10, 8, 10, 8);
    m_denied = valueLabel(m_deniedBox, QStringLiteral("auditDeniedExplanation"), tr("What was refused"));
    deniedLayout->addWidget(m_denied);
    layout->addSpacing(4);
    layout->addWidget(m_deniedBox);
    layout->addSpacing(6);

    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setVerticalSpacing(8);

    auto stacked = [](QLabel *first, QLabel *second) {
        auto *column = new QVBoxLayout;
        column->setSpacing(1);
        column->addWidget(first);
        column->addWidget(second);
        return column;
    };
    auto withCopy = [this, content](QLabel *value, const QString &buttonName, const QString &tip) {
        auto *row = new QHBoxLayout;
        row->addWidget(value, 1);
        auto *button = new QToolButton(content);
        button->setObjectName(buttonName);
        button->setText(tr("Copy"));
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        row->addWidget(button, 0, Qt::AlignTop);
        return std::pair {row, button};
    };

    m_when = valueLabel(content, QStringLiteral("auditDetailsWhen"), tr("Time"));
    m_whenRelative = metaLabel(content, QStringLiteral("auditDetailsWhenRelative"), tr("How long ago"));
    QLayout *whenField = stacked(m_when, m_whenRelative);
    m_form->addRow(tr("When:"), whenField);
    m_actor = valueLabel(content, QStringLiteral("auditDetailsActor"), tr("Actor"));
    m_actorMeta = metaLabel(content, QStringLiteral("auditDetailsActorMeta"), tr("Actor type and id"));
    m_actorMeta->setFont(fixedFont(0.9));
    QLayout *actorField = stacked(m_actor, m_actorMeta);
    m_form->addRow(tr("Actor:"), actorField);
    m_target = valueLabel(content, QStringLiteral("auditDetailsTarget"), tr("Target"));
    m_targetMeta = metaLabel(content, QStringLiteral("auditDetailsTargetMeta"), tr("Target type and id"));
    m_targetMeta->setFont(fixedFont(0.9));
    QLayout *targetField = stacked(m_target, m_targetMeta);
    m_form->addRow(tr("Target:"), targetField);
    m_ip = valueLabel(content, QStringLiteral("auditDetailsIp"), tr("IP address"));
    m_form->addRow(tr("IP address:"), m_ip);
    m_userAgent = valueLabel(content, QStringLiteral("auditDetailsUserAgent"), tr("User agent"));
    m_form->addRow(tr("User agent:"), m_userAgent);

    m_requestId = valueLabel(content, QStringLiteral("auditDetailsRequestId"), tr("Request ID"));
    m_requestId->setFont(fixedFont());
    auto [requestRow, copyRequest] = withCopy(m_requestId, QStringLiteral("copyRequestIdButton"), tr("Copy the request id"));
    m_copyRequestId = copyRequest;
    connect(m_copyRequestId, &QToolButton::clicked, this, [this] { copy(m_fullRequestId); });
    m_form->addRow(tr("Request ID:"), requestRow);
    m_id = valueLabel(content, QStringLiteral("auditDetailsEventId"), tr("Event ID"));
    m_id->setFont(fixedFont());
    m_form->addRow(tr("Event ID:"), m_id);
    m_hash = valueLabel(content, QStringLiteral("auditDetailsHash"), tr("Hash"));
    m_hash->setFont(fixedFont());
    auto [hashRow, copyHash] = withCopy(m_hash, QStringLiteral("copyHashButton"), tr("Copy the full hash"));
    m_copyHash = copyHash;
    connect(m_copyHash, &QToolButton::clicked, this, [this] { copy(m_fullHash); });
    m_form->addRow(tr("Hash:"), hashRow);
    m_copied = metaLabel(content, QStringLiteral("auditDetailsCopied"), tr("Copy feedback"));
    m_form->addRow(QString(), m_copied);
    m_form->setRowVisible(m_copied, false);
    // Labels beside fields of several lines sit on the first line (QFormLayout centres them in a
    // box taller than one line); the others stay centred on their value.
    auto topAligned = [](QWidget *label) {
        if (auto *text = qobject_cast<QLabel *>(label))
            text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    };
    for (QLayout *field : {whenField, actorField, targetField})
        topAligned(m_form->labelForField(field));
    topAligned(m_form->labelForField(m_userAgent));
    layout->addLayout(m_form);

    // Where to go from here; the page decides what each means.
    auto link = [content](const QString &objectName, const QString &text) {
        auto *label = new LinkLabel(content);
        label->setObjectName(objectName);
        label->setTextFormat(Qt::RichText);
        label->setText(QStringLiteral("<a href=\"#\">%1</a>").arg(text.toHtmlEscaped()));
        label->setWordWrap(true);
        label->setMinimumWidth(1);
        label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        label->setAccessibleName(text);
        return label;
    };
    layout->addSpacing(6);
    m_keyEventsLink = link(QStringLiteral("showKeyEventsLink"), tr("Show all events of this key"));
    connect(m_keyEventsLink, &QLabel::linkActivated, this, [this] { Q_EMIT keyClicked(m_keyId); });
    layout->addWidget(m_keyEventsLink);
    m_actorEventsLink = link(QStringLiteral("showActorEventsLink"), tr("Show all events by this actor"));
    connect(m_actorEventsLink, &QLabel::linkActivated, this, [this] { Q_EMIT actorClicked(m_actorId); });
    layout->addWidget(m_actorEventsLink);
    m_openKeyLink = link(QStringLiteral("openKeyLink"), tr("Show the key in the keys list"));
    connect(m_openKeyLink, &QLabel::linkActivated, this, [this] { Q_EMIT openKeyRequested(m_keyId); });
    layout->addWidget(m_openKeyLink);

    auto *detailsTitle = new QLabel(tr("Details"), content);
    makeHeading(detailsTitle, 1.0);
    layout->addSpacing(10);
    layout->addWidget(detailsTitle);
    m_noDetails = metaLabel(content, QStringLiteral("auditDetailsNone"), tr("Details"));
    m_noDetails->setText(tr("No details."));
    layout->addWidget(m_noDetails);
    m_detailsJson = new JsonView(content);
    m_detailsJson->setObjectName(QStringLiteral("auditDetailsJson"));
    m_detailsJson->setAccessibleName(tr("Details as JSON"));
    layout->addWidget(m_detailsJson);
    layout->addStretch(1);

    scroll->setWidget(content);
    m_stack->addWidget(scroll);
    showNothing(0);
}

void AuditEventDetails::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

void AuditEventDetails::showMessage(const QString &text, bool enabled)
{
    m_eventId.clear();
    m_keyId.clear();
    m_actorId.clear();
    m_message->setText(text);
    m_message->setEnabled(enabled);
    m_stack->setCurrentWidget(m_message);
}

void AuditEventDetails::showNothing(int selectedCount)
{
    showMessage(selectedCount > 1 ? tr("%n event(s) selected.", nullptr, selectedCount)
                                  : tr("Select an event to see its details."),
                false);
}

void AuditEventDetails::showLoading()
{
    showMessage(tr("Loading the event…"), false);
}

void AuditEventDetails::showError(const QString &message)
{
    showMessage(message.isEmpty() ? tr("The event could not be loaded.")
                                  : tr("The event could not be loaded: %1").arg(message),
                true);
}

void AuditEventDetails::showAuditEvent(const QJsonObject &event)
{
    const QJsonValue actionValue = event.value(QStringLiteral("action"));
    const QString action = actionValue.isString() ? actionValue.toString() : QString();
    const QJsonValue detailsValue = event.value(QStringLiteral("details"));
    const QJsonObject details = detailsValue.toObject();

    // Heading: the action in words; the raw name under it when the words differ from it.
    const QString words = AuditEventFormat::actionText(action, AuditEventFormat::actionQualifier(action, details));
    m_heading->setText(words.isEmpty() ? tr("Unknown action") : capitalised(words));
    const QString raw = textOf(actionValue);
    m_rawAction->setText(raw);
    m_rawAction->setVisible(!raw.isEmpty() && raw != words);

    // When: local time in words, the UTC instant in the tooltip, and how long ago.
    const QString at = textOf(event.value(QStringLiteral("at")));
    if (const auto when = parseRfc3339(at)) {
        m_when->setText(QLocale().toString(when->toTimeZone(m_zone), QLocale::LongFormat));
        m_when->setForegroundRole(QPalette::WindowText);
        const QString utc = tr("%1 UTC").arg(when->toUTC().toString(Qt::ISODateWithMs));
        m_when->setToolTip(utc);
        m_whenRelative->setText(KeyListModel::relativeTime(*when, now()));
        m_whenRelative->setToolTip(utc);
        m_whenRelative->show();
    } else {
        setValue(m_when, at);
        m_when->setToolTip(QString());
        m_whenRelative->hide();
    }

    const std::optional<Actor> actor = partyOf(event.value(QStringLiteral("actor")));
    const std::optional<Actor> target = partyOf(event.value(QStringLiteral("target")));
    fillParty(m_actor, m_actorMeta, actor.value_or(Actor {}), actor ? AuditEventFormat::actorText(*actor) : QString());
    fillParty(m_target, m_targetMeta, target.value_or(Actor {}),
              target ? AuditEventFormat::targetText(*target) : QString());
    setValue(m_ip, textOf(event.value(QStringLiteral("ip"))));
    setValue(m_userAgent, textOf(event.value(QStringLiteral("user_agent"))));
    m_fullRequestId = textOf(event.value(QStringLiteral("request_id")));
    setValue(m_requestId, m_fullRequestId);
    m_copyRequestId->setEnabled(!m_fullRequestId.isEmpty());
    m_eventId = textOf(event.value(QStringLiteral("id")));
    setValue(m_id, m_eventId);
    m_copied->clear();
    m_form->setRowVisible(m_copied, false);
    fillIntegrity(event);

    const bool denied = action == QLatin1String("auth.denied");
    m_deniedBox->setVisible(denied);
    if (denied)
        m_denied->setText(denialExplanation(details, actor.value_or(Actor {})));

    // Links: a key that is the target (or else the actor), and an actor with an id.
    m_keyId.clear();
    if (target && isKeyType(target->type) && !target->id.isEmpty())
        m_keyId = target->id;
    else if (actor && isKeyType(actor->type) && !actor->id.isEmpty())
        m_keyId = actor->id;
    m_actorId = actor ? actor->id : QString();
    m_keyEventsLink->setVisible(!m_keyId.isEmpty());
    m_openKeyLink->setVisible(!m_keyId.isEmpty());
    m_actorEventsLink->setVisible(!m_actorId.isEmpty());

    fillDetails(detailsValue);
    m_stack->setCurrentIndex(1);
}

void AuditEventDetails::fillParty(QLabel *text, QLabel *meta, const Actor &party, const QString &shown)
{
    setValue(text, shown);
    text->setToolTip(party.display != shown ? party.display : QString());
    QStringList parts;
    if (!party.type.isEmpty())
        parts.append(party.type);
    if (!party.id.isEmpty())
        parts.append(party.id);
    meta->setText(parts.join(QStringLiteral(" \u00b7 ")));
    meta->setVisible(!parts.isEmpty());
}

void AuditEventDetails::fillIntegrity(const QJsonObject &event)
{
    m_fullHash = textOf(event.value(QStringLiteral("hash")));
    const QString prev = textOf(event.value(QStringLiteral("prev_hash")));
    setValue(m_hash, shortHash(m_fullHash));
    QStringList tip;
    if (!m_fullHash.isEmpty())
        tip.append(tr("Hash: %1").arg(m_fullHash));
    if (!prev.isEmpty())
        tip.append(tr("Previous event's hash: %1").arg(prev));
    m_hash->setToolTip(tip.join(QLatin1Char('\n')));
    m_copyHash->setEnabled(!m_fullHash.isEmpty());

    QString text;
    QString style;
    if (AuditChain::isRedactedStub(event)) {
        m_integrity = Integrity::Redacted;
        text = tr("Another organization's event: only its place in the chain can be checked.");
    } else if (m_fullHash.isEmpty()) {
        m_integrity = Integrity::NoHash;
        text = tr("This event carries no hash to check its content against.");
    } else if (AuditChain::computeHash(event) == m_fullHash) {
        m_integrity = Integrity::Intact;
        text = QStringLiteral("\u2713 ") + tr("Content matches its hash");
        style = QStringLiteral("QLabel { color: %1; }").arg(GoodColor);
    } else {
        m_integrity = Integrity::Altered;
        text = QStringLiteral("\u2717 ") + tr("Content does not match its hash: this event was altered");
        style = QStringLiteral("QLabel { color: %1; font-weight: 600; background: rgba(192, 57, 43, 0.08); "
                               "border: 1px solid rgba(192, 57, 43, 0.45); border-left: 4px solid %1; "
                               "padding: 6px 8px; }").arg(ErrorColor);
    }
    m_integrityLine->setText(text);
    m_integrityLine->setStyleSheet(style);
    m_integrityLine->setForegroundRole(style.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
    m_integrityLine->setToolTip(m_integrity == Integrity::Altered || m_integrity == Integrity::Intact
                                    ? tr("The event's content, hashed with the previous event's hash, "
                                         "is compared with the hash the chain holds for it.")
                                    : QString());
}

void AuditEventDetails::fillDetails(const QJsonValue &details)
{
    QString text;
    if (details.isObject() && !details.toObject().isEmpty())
        text = QString::fromUtf8(QJsonDocument(details.toObject()).toJson(QJsonDocument::Indented));
    else if (details.isArray() && !details.toArray().isEmpty())
        text = QString::fromUtf8(QJsonDocument(details.toArray()).toJson(QJsonDocument::Indented));
    else if (!details.isObject() && !details.isArray())
        text = textOf(details);
    text = text.trimmed();
    m_detailsJson->setPlainText(text);
    m_detailsJson->setVisible(!text.isEmpty());
    m_noDetails->setVisible(text.isEmpty());
}

void AuditEventDetails::copy(const QString &text)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    m_copied->setText(tr("Copied to the clipboard."));
    m_copied->setToolTip(text);
    m_form->setRowVisible(m_copied, true);
    QTimer::singleShot(4000, m_copied, [this, text] {
        if (m_copied->toolTip() == text) {
            m_copied->clear();
            m_copied->setToolTip(QString());
            m_form->setRowVisible(m_copied, false);
        }
    });
}

QString AuditEventDetails::denialExplanation(const QJsonObject &details, const Actor &actor)
{
    const QString reason = textOf(details.value(QStringLiteral("reason")));
    const int recorded = details.value(QStringLiteral("status")).toInt(0);
    // The server's statuses when the details leave them out: 403 for a known caller without the
    // right, 401 for everything else.
    auto status = [recorded](int usual) { return QString::number(recorded > 0 ? recorded : usual); };
    static const QLatin1String MissingPermission("missing permission ");

    QString text;
    if (reason == QLatin1String("revoked key"))
        text = tr("A request with a revoked key was refused (%1). Repeated attempts from the same address "
                  "suggest the key leaked.").arg(status(401));
    else if (reason == QLatin1String("deleted key"))
        text = tr("A request with a deleted key was refused (%1). Repeated attempts from the same address "
                  "suggest the key leaked.").arg(status(401));
    else if (reason == QLatin1String("expired key"))
        text = tr("A request with an expired key was refused (%1). Whatever still sends it needs a current "
                  "key.").arg(status(401));
    else if (reason == QLatin1String("unknown key"))
        text = tr("A request with a key this server does not know was refused (%1). Many such attempts from "
                  "one address are someone guessing keys.").arg(status(401));
    else if (reason == QLatin1String("unknown, revoked or deleted key"))
        text = tr("A request with an unknown, revoked or deleted key was refused (%1). Repeated attempts from "
                  "the same address suggest a leaked key or someone guessing keys.").arg(status(401));
    else if (reason == QLatin1String("malformed key"))
        text = tr("A request with a credential that is not a Keyward key was refused (%1). This is usually a "
                  "scanner or a misconfigured client.").arg(status(401));
    else if (reason == QLatin1String("missing credentials"))
        text = tr("A request without credentials was refused (%1). This is usually a scanner, or a client "
                  "that lost its key.").arg(status(401));
    else if (reason == QLatin1String("malformed authorization header"))
        text = tr("A request whose Authorization header was not \"Bearer <key>\" was refused (%1). The client "
                  "is misconfigured.").arg(status(401));
    else if (reason == QLatin1String("not a member"))
        text = tr("Someone who is not a member of the organization signed in; their request was refused (%1).")
                   .arg(status(403));
    else if (reason.startsWith(MissingPermission) && isKeyType(actor.type))
        text = tr("The key lacks the %1 permission, so its request was refused (%2). Grant it if the key "
                  "needs it; otherwise find out why the key asks.")
                   .arg(reason.mid(MissingPermission.size()), status(403));
    else if (reason.startsWith(MissingPermission))
        text = tr("The caller's role does not include the %1 permission, so the request was refused (%2).")
                   .arg(reason.mid(MissingPermission.size()), status(403));
    else if (reason == QLatin1String("disabled user"))
        text = tr("A request from a disabled user was refused (%1).").arg(status(401));
    else if (reason == QLatin1String("signed out"))
        text = tr("A request from a session that was signed out was refused (%1). A token kept after signing "
                  "out is being used.").arg(status(401));
    else if (reason.isEmpty())
        text = tr("A request was refused (%1).").arg(status(401));
    else
        text = tr("A request was refused (%1): %2.").arg(status(401), reason);

    const int suppressed = details.value(QStringLiteral("suppressed_before")).toInt(0);
    if (suppressed > 0)
        text += QLatin1Char(' ')
            + tr("Before it, %n more refused request(s) from the same address were counted but not recorded "
                 "one by one.", nullptr, suppressed);
    return text;
}

} // namespace keyward

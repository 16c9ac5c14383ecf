// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewPage.h"

#include "PageLayout.h"
#include "Session.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace keyward {

namespace {
QLabel *valueLabel(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return l;
}
} // namespace

OverviewPage::OverviewPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("overviewPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    m_greeting = new QLabel(this);
    m_greeting->setObjectName(QStringLiteral("overviewGreeting"));
    makeHeading(m_greeting, 1.5);
    layout->addWidget(m_greeting);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setHorizontalSpacing(24);
    form->setVerticalSpacing(10);
    m_email = valueLabel(this, "overviewEmail");
    m_role = valueLabel(this, "overviewRole");
    m_abilities = valueLabel(this, "overviewAbilities");
    m_organization = valueLabel(this, "overviewOrganization");
    m_server = valueLabel(this, "overviewServer");
    m_issuer = valueLabel(this, "overviewIssuer");
    m_sessionStorage = valueLabel(this, "overviewSession");
    form->addRow(tr("Email:"), m_email);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("You can:"), m_abilities);
    form->addRow(tr("Organization:"), m_organization);
    form->addRow(tr("API server:"), m_server);
    form->addRow(tr("Signed in at:"), m_issuer);
    form->addRow(tr("Session:"), m_sessionStorage);
    layout->addLayout(form);
    layout->addStretch(1);
}

void OverviewPage::setSession(Session *session)
{
    m_session = session;
    refresh();
}

QString OverviewPage::roleName(const QString &role)
{
    if (role == QLatin1String("owner"))
        return tr("Owner");
    if (role == QLatin1String("admin"))
        return tr("Admin");
    if (role == QLatin1String("developer"))
        return tr("Developer");
    if (role == QLatin1String("viewer"))
        return tr("Viewer");
    return role.isEmpty() ? tr("None") : role;
}

QString OverviewPage::roleAbilities(const QString &role)
{
    if (role == QLatin1String("owner"))
        return tr("Create, rotate, revoke and delete keys; manage users and organization settings; read the audit log.");
    if (role == QLatin1String("admin"))
        return tr("Create, rotate, revoke and delete keys; read the audit log.");
    if (role == QLatin1String("developer") || role == QLatin1String("viewer"))
        return tr("See keys (masked) and read the audit log. Changing keys needs an admin.");
    return tr("Only what this credential's permissions allow.");
}

void OverviewPage::refresh()
{
    if (!m_session || !m_session->identity()) {
        m_greeting->clear();
        for (QLabel *l : {m_email, m_role, m_abilities, m_organization, m_server, m_issuer, m_sessionStorage})
            l->clear();
        return;
    }
    const Identity &id = *m_session->identity();
    const QString name = id.name.isEmpty() ? id.display : id.name;
    m_greeting->setText(tr("Signed in as %1").arg(name.isEmpty() ? id.label() : name));
    m_email->setText(id.email.isEmpty() ? tr("(none)") : id.email);
    m_role->setText(roleName(id.role));
    m_abilities->setText(roleAbilities(id.role));
    m_organization->setText(id.tier.isEmpty() ? id.organizationName
                                              : tr("%1, %2 plan").arg(id.organizationName, id.tier));
    m_server->setText(m_session->profile().apiUrl.toDisplayString());
    m_issuer->setText(m_session->profile().issuerUrl.toDisplayString());
    const AuthService *auth = m_session->auth();
    m_sessionStorage->setText(!auth->hasRefreshToken() ? tr("This sign-in cannot be renewed; sign in again when it expires.")
                              : auth->isMemoryOnly()   ? tr("Kept in memory only: you will sign in again next time.")
                              : auth->isStoredInKeychain() ? tr("Remembered in the system keychain.")
                                                           : tr("Not stored in the system keychain yet."));
}

} // namespace keyward

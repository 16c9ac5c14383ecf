// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfilesDialog.h"

#include "ProfileStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyward {

ProfilesDialog::ProfilesDialog(ProfileStore *store, QWidget *parent) : QDialog(parent), m_store(store)
{
    setObjectName(QStringLiteral("profilesDialog"));
    setWindowTitle(tr("Profiles"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A profile is a server you manage: its API address and where you sign in. Tokens are "
                                "kept in the system keychain, never in the profile."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *body = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setMinimumWidth(180);
    left->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New"), this);
    add->setObjectName(QStringLiteral("newProfileButton"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeProfileButton"));
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    body->addLayout(left);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setMaxLength(80);
    m_api = new QLineEdit(this);
    m_api->setObjectName(QStringLiteral("profileApiUrl"));
    m_api->setPlaceholderText(QStringLiteral("https://api.example.com"));
    m_issuer = new QLineEdit(this);
    m_issuer->setObjectName(QStringLiteral("profileIssuerUrl"));
    m_issuer->setPlaceholderText(tr("Same as the API URL"));
    m_issuer->setToolTip(tr("The OAuth 2.0 / OpenID Connect issuer where you sign in: keyward-server itself, or "
                            "your company's provider if the server trusts it."));
    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(QStringLiteral("profileClientId"));
    m_scopes = new QLineEdit(this);
    m_scopes->setObjectName(QStringLiteral("profileScopes"));
    // Alt+N is New and Alt+C Client id: the name and the scopes take other letters.
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(tr("&API URL:"), m_api);
    form->addRow(tr("&Issuer URL:"), m_issuer);
    form->addRow(tr("&Client id:"), m_clientId);
    form->addRow(tr("Sco&pes:"), m_scopes);
    right->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("profileProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_problem->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for a long (or German) sentence without the layout having to grow later.
    m_problem->setMinimumHeight(m_problem->fontMetrics().lineSpacing() * 3);
    right->addWidget(m_problem);
    for (QLineEdit *edit : {m_name, m_api, m_issuer, m_clientId, m_scopes})
        connect(edit, &QLineEdit::textEdited, m_problem, &QLabel::clear);
    auto *formButtons = new QHBoxLayout;
    formButtons->addStretch(1);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveProfileButton"));
    m_use = new QPushButton(tr("&Use this profile"), this);
    m_use->setObjectName(QStringLiteral("useProfileButton"));
    m_save->setDefault(true); // Enter in a field saves, never the list's New or Remove
    formButtons->addWidget(m_save);
    formButtons->addWidget(m_use);
    right->addLayout(formButtons);
    right->addStretch(1);
    body->addLayout(right, 1);
    layout->addLayout(body);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &ProfilesDialog::addNew);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeSelected);
    connect(m_save, &QPushButton::clicked, this, &ProfilesDialog::saveCurrent);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (saveCurrent()) {
            Q_EMIT useProfileRequested(m_editing);
            accept();
        }
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesDialog::showSelected);
    resize(720, 380);
    const auto current = m_store->current();
    reload(current ? current->name : QString());
}

void ProfilesDialog::reload(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int row = -1;
    for (const Profile &p : m_store->profiles()) {
        auto *item = new QListWidgetItem(p.transient ? tr("%1 (this run only)").arg(p.name) : p.name, m_list);
        item->setData(Qt::UserRole, p.name);
        if (p.name == select)
            row = m_list->count() - 1;
    }
    if (row < 0 && m_list->count() > 0)
        row = 0;
    m_list->setCurrentRow(row);
    if (row < 0)
        addNew();
    else
        showSelected();
}

void ProfilesDialog::showSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    const auto p = item ? m_store->profile(item->data(Qt::UserRole).toString()) : std::nullopt;
    if (!p)
        return;
    m_editing = p->name;
    m_name->setText(p->name);
    m_api->setText(p->apiUrl.toString());
    m_issuer->setText(p->issuerUrl == p->apiUrl ? QString() : p->issuerUrl.toString());
    m_clientId->setText(p->clientId);
    m_scopes->setText(p->scopes);
    m_problem->clear();
    m_remove->setEnabled(true);
}

void ProfilesDialog::addNew()
{
    const QSignalBlocker blocker(m_list);
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    m_editing.clear();
    const Profile defaults;
    m_name->clear();
    m_api->clear();
    m_issuer->clear();
    m_clientId->setText(defaults.clientId);
    m_scopes->setText(defaults.scopes);
    m_problem->clear();
    m_remove->setEnabled(false);
    m_name->setFocus();
}

bool ProfilesDialog::saveCurrent()
{
    Profile p;
    p.name = m_name->text().trimmed();
    p.apiUrl = QUrl::fromUserInput(m_api->text().trimmed());
    p.issuerUrl = m_issuer->text().trimmed().isEmpty() ? p.apiUrl : QUrl::fromUserInput(m_issuer->text().trimmed());
    p.clientId = m_clientId->text().trimmed();
    p.scopes = m_scopes->text().simplified();
    if (m_api->text().trimmed().isEmpty())
        p.apiUrl = QUrl();
    const QString problem = m_store->save(p, m_editing);
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return false;
    }
    m_editing = p.name;
    reload(p.name);
    return true;
}

void ProfilesDialog::removeSelected()
{
    if (m_editing.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Remove profile"),
                                              tr("Remove the profile “%1”? Keyward forgets its address; the server "
                                                 "and its keys are not touched.").arg(m_editing),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const std::optional<Profile> removed = m_store->profile(m_editing);
    m_store->remove(m_editing);
    m_editing.clear();
    if (removed)
        Q_EMIT profileRemoved(*removed);
    reload(QString());
}

} // namespace keyward

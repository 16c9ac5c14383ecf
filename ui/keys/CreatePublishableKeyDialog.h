// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace keyward {

// A new publishable key: only a note, checked as keyward-server checks it (required, at most
// 200 characters once trimmed, no control characters) with a running count. The panel sends it
// and shows the server's errors here; the input stays as typed.
class CreatePublishableKeyDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int MaxNoteLength = 200;

    explicit CreatePublishableKeyDialog(QWidget *parent = nullptr);

    QString note() const; // trimmed, as the server stores it
    // Why the note cannot be sent as it is; empty when it can.
    QString noteProblem() const;
    void setBusy(bool busy);
    void showError(const QString &message);

Q_SIGNALS:
    void createRequested(const QString &note);

private:
    void updateState();

    QLineEdit *m_note;
    QLabel *m_count;
    QLabel *m_error;
    QPushButton *m_create;
    bool m_busy = false;
};

} // namespace keyward

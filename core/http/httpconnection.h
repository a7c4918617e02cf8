#pragma once

#include "httprequestparser.h"
#include "httpresponse.h"

#include <QObject>

#include <functional>

class QTcpSocket;

namespace Cronhelm {

// Answers one request; called on the thread that owns the server.
using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// Serves one accepted socket: parses what arrives, answers the requests one after the
// other in the order they came (a delayed response holds back those behind it), and closes
// when the client asked for it or sent something that is not a valid request. Takes the
// socket over and deletes itself when the client goes.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, HttpHandler handler, QObject *parent = nullptr);
    ~HttpConnection() override;

private:
    void serve();
    void send(const HttpResponse &response, bool withBody, bool keepAlive);
    void refuse(int status);

    QTcpSocket *m_socket;
    HttpHandler m_handler;
    HttpRequestParser m_parser;
    bool m_answering = false; // a delayed response is still to be written
    bool m_closing = false;
};

} // namespace Cronhelm

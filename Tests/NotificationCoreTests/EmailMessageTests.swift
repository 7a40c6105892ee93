import Foundation
import NotificationCore
import Testing

@Suite struct EmailMessageTests {
    static let message = EmailMessage(
        fromName: "Tradeflow", fromAddress: "no-reply@tradeflow.example", to: "li@acme.example",
        subject: "订单 ORD-1 已确认", body: "Hello\n.hidden line", date: Fixture.t0, messageID: "d-1@tradeflow.example")

    @Test func buildsRFC5322Headers_withEncodedWordSubject() {
        let lines = Self.message.lines
        #expect(lines[0] == "From: Tradeflow <no-reply@tradeflow.example>")
        #expect(lines[1] == "To: <li@acme.example>")
        #expect(lines[2] == "Subject: =?UTF-8?B?\(Data("订单 ORD-1 已确认".utf8).base64EncodedString())?=")
        #expect(lines[3] == "Date: Sat, 26 Dec 2026 08:00:00 +0000")
        #expect(lines[4] == "Message-ID: <d-1@tradeflow.example>")
        #expect(lines.contains("Content-Transfer-Encoding: base64"))
        let bodyStart = lines.firstIndex(of: "")! + 1
        #expect(Data(base64Encoded: lines[bodyStart...].joined()) == Data("Hello\n.hidden line".utf8))
        #expect(Self.message.text.hasSuffix("\r\n") && !Self.message.text.contains("\n\n"))
    }

    @Test func asciiSubject_staysPlain_andLongSubjects_splitIntoShortWords() {
        #expect(EmailMessage.encodedHeaderText("Order ORD-1 confirmed") == "Order ORD-1 confirmed")
        let long = EmailMessage.encodedHeaderText(String(repeating: "账期到期", count: 20))
        for word in long.components(separatedBy: "\r\n ") { #expect(word.count <= 75) }
        #expect(EmailMessage.encodedHeaderText("evil\r\nBcc: x@y.z").hasPrefix("=?UTF-8?B?"), "CR/LF never reach a header")
    }

    @Test func dotStuffing_doublesLeadingDots_andDataEndsWithDot() {
        #expect(EmailMessage.dotStuffed([".", "..x", "a.b"]) == ["..", "...x", "a.b"])
        #expect(Self.message.smtpData.hasSuffix("\r\n.\r\n"))
    }

    @Test func addressCheck_refusesHeaderInjection() {
        #expect(EmailMessage.isValidAddress("li@acme.example"))
        for bad in ["li", "li@acme", "@acme.example", "li@acme.example\r\nBcc: x@y.z", "li <li@acme.example>", "a@b@c.d"] {
            #expect(!EmailMessage.isValidAddress(bad), "\(bad)")
        }
    }
}

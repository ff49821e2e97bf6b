/// The make-up of an academy's pupils: the share of each group, each 0–1.
struct PupilMix: Sendable {
    /// Share eligible for the pupil premium (England about 0.25).
    var disadvantaged: Double
    /// Share on SEN support (mainstream about 0.13).
    var senSupport: Double
    /// Share with an EHCP (mainstream about 0.025; special schools nearly all).
    var ehcp: Double
    /// Share with English as an additional language (England about 0.2).
    var eal: Double
    /// Share of girls (mainstream about 0.49; special schools far fewer).
    var girls: Double
}

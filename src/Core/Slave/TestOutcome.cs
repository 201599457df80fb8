namespace Piuparts.Core.Slave;

/// <summary>The result of testing one reserved package: where its log went, the return code, how long it took.</summary>
public sealed record TestOutcome(Reservation Package, ResultKind Kind, int Ret, TimeSpan Duration, bool Aborted);

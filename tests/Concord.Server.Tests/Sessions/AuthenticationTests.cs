using System.Security.Cryptography;
using System.Text;
using Concord.SyncML.Server;

namespace Concord.Server.Tests.Sessions;

public class AuthenticationTests
{
#pragma warning disable CA5351 // the protocol's digest
    private static string B64Md5(string s) => Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(s)));
#pragma warning restore CA5351

    [Fact]
    public void The_SyncML_1_1_and_1_2_digest_form_is_accepted()
    {
        var digest = B64Md5(B64Md5("bob:secret") + ":nonce1");
        Assert.True(SyncMLServer.Md5Matches("bob", "secret", "nonce1", digest));
    }

    [Fact]
    public void The_SyncML_1_0_digest_form_is_accepted()
    {
        Assert.True(SyncMLServer.Md5Matches("bob", "secret", "nonce1", B64Md5("bob:secret:nonce1")));
    }

    [Theory]
    [InlineData("bob", "wrong", "nonce1")]
    [InlineData("bob", "secret", "nonce2")]
    public void A_digest_of_another_password_or_nonce_is_refused(string user, string password, string nonce)
    {
        var digest = B64Md5(B64Md5($"{user}:{password}") + ":" + nonce);
        Assert.False(SyncMLServer.Md5Matches("bob", "secret", "nonce1", digest));
    }
}

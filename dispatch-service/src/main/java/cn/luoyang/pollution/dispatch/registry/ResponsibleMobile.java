package cn.luoyang.pollution.dispatch.registry;

/**
 * The mobile number of a source's responsible person (责任人手机), as the registry keeps it: sealed for
 * notification-service, which alone can open it to send an SMS, and masked ({@code 139****0001}) for everyone else.
 * The number itself is never stored, shown or published.
 */
public record ResponsibleMobile(String sealed, String masked) {

    @Override
    public String toString() {
        return "ResponsibleMobile[" + masked + "]";
    }
}

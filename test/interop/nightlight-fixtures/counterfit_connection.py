# Stand-in for the pip package counterfit-connection, for tests: the same HTTP calls as the real one
# (POST /connect, GET /sensor_value?port=N, POST /actuator_value?port=N with {"value": ...}), using only urllib.
import json
import urllib.request


class CounterFitConnection:
    base_url = ''

    @staticmethod
    def init(hostname='localhost', port=5000):
        CounterFitConnection.base_url = 'http://' + hostname + ':' + str(port) + '/'
        urllib.request.urlopen(urllib.request.Request(CounterFitConnection.base_url + 'connect', data=b'', method='POST'))

    @staticmethod
    def get_sensor_int_value(port):
        with urllib.request.urlopen(CounterFitConnection.base_url + 'sensor_value?port=' + str(port)) as response:
            return int(json.loads(response.read())['value'])

    @staticmethod
    def set_actuator_boolean_value(port, value):
        request = urllib.request.Request(
            CounterFitConnection.base_url + 'actuator_value?port=' + str(port),
            data=json.dumps({'value': value}).encode(),
            headers={'Content-Type': 'application/json'},
            method='POST',
        )
        urllib.request.urlopen(request).read()

# What the lesson's virtual device does, for tests, with plain HTTP instead of the CounterFit shims: read the light
# sensor (pin 0) and drive the LED (pin 5) at the CounterFit address, publish telemetry, obey commands.
import json
import sys
import time
import urllib.request

import paho.mqtt.client as mqtt

id = sys.argv[1]
broker_port = int(sys.argv[2])
counterfit = 'http://127.0.0.1:' + sys.argv[3] + '/'

def post(path, body=None):
    data = b'' if body is None else json.dumps(body).encode()
    request = urllib.request.Request(counterfit + path, data=data, headers={'Content-Type': 'application/json'}, method='POST')
    urllib.request.urlopen(request).read()

def read_light():
    with urllib.request.urlopen(counterfit + 'sensor_value?port=0') as response:
        return json.loads(response.read())['value']

post('connect')

client_telemetry_topic = id + '/telemetry'
server_command_topic = id + '/commands'
client_name = id + 'nightlight_client'

mqtt_client = mqtt.Client(client_name)
mqtt_client.connect('127.0.0.1', broker_port)

mqtt_client.loop_start()

print("MQTT connected!")

def handle_command(client, userdata, message):
    payload = json.loads(message.payload.decode())
    print("Message received:", payload)

    post('actuator_value?port=5', {'value': payload['led_on']})

mqtt_client.subscribe(server_command_topic)
mqtt_client.on_message = handle_command

while True:
    light = read_light()
    telemetry = json.dumps({'light' : light})

    print("Sending telemetry ", telemetry)

    mqtt_client.publish(client_telemetry_topic, telemetry)

    time.sleep(0.2)
